using System.Net;
using System.Text.Json;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;

namespace ActionBot.GitHub.Tests.Identity;

/// <summary>
/// The fake's device flow answers in GitHub's documented shapes (docs.github.com, "Authorizing OAuth apps", device
/// flow): form-encoded by default, JSON with <c>Accept: application/json</c>, errors of the token endpoint with 200.
/// </summary>
public sealed class FakeDeviceFlowTests : IAsyncLifetime, IDisposable
{
    private const string ClientId = "Iv23liFakeActionBot01";
    private readonly FakeTimeProvider _clock = new();
    private readonly HttpClient _http = new();
    private FakeGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHubServer.StartAsync(_clock);
        _github.DeviceFlow.RegisterClient(ClientId);
    }

    public Task DisposeAsync() => _github.DisposeAsync().AsTask();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Without_an_accept_header_the_answers_are_form_encoded()
    {
        using var start = await PostAsync("login/device/code", json: false, ("client_id", ClientId));
        var code = _github.DeviceFlow.LatestCode;
        using var poll = await PostAsync("login/oauth/access_token", json: false, ("client_id", ClientId), ("device_code", code.DeviceCode), ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"));

        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", start.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            $"device_code={code.DeviceCode}&user_code={code.UserCode}&verification_uri={Uri.EscapeDataString(new Uri(_github.BaseAddress, "login/device").AbsoluteUri)}&expires_in=900&interval=5",
            await start.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.StartsWith("error=slow_down&error_description=", await poll.Content.ReadAsStringAsync(), StringComparison.Ordinal); // polled at once
        Assert.Matches("^[B-Z2-9]{4}-[B-Z2-9]{4}$", code.UserCode);
        Assert.Matches("^[0-9a-f]{40}$", code.DeviceCode);
    }

    [Fact]
    public async Task With_accept_json_errors_come_with_200_and_slow_down_says_the_new_interval()
    {
        using var start = await PostAsync("login/device/code", json: true, ("client_id", ClientId));
        var code = _github.DeviceFlow.LatestCode;
        _clock.Advance(TimeSpan.FromSeconds(5));

        var pending = await PollJsonAsync(code);
        var tooSoon = await PollJsonAsync(code);
        _clock.Advance(TimeSpan.FromSeconds(9));
        var stillTooSoon = await PollJsonAsync(code);
        _clock.Advance(TimeSpan.FromSeconds(15));
        var wrongGrant = await PostAsync("login/oauth/access_token", json: true, ("client_id", ClientId), ("device_code", code.DeviceCode), ("grant_type", "authorization_code"));
        var wrongClient = await PostAsync("login/oauth/access_token", json: true, ("client_id", "nobody"), ("device_code", code.DeviceCode), ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"));

        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("interval").ValueKind);
        Assert.Equal("authorization_pending", pending.GetProperty("error").GetString());
        Assert.Equal(FakeDeviceFlow.ErrorUri, pending.GetProperty("error_uri").GetString());
        Assert.Equal(("slow_down", 10), (tooSoon.GetProperty("error").GetString(), tooSoon.GetProperty("interval").GetInt32()));
        Assert.Equal(("slow_down", 15), (stillTooSoon.GetProperty("error").GetString(), stillTooSoon.GetProperty("interval").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, wrongGrant.StatusCode);
        Assert.Contains("unsupported_grant_type", await wrongGrant.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("incorrect_client_credentials", await wrongClient.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_code_gives_a_user_token_once_and_the_token_reads_get_user()
    {
        await PostAsync("login/device/code", json: true, ("client_id", ClientId));
        var code = _github.DeviceFlow.LatestCode;
        _github.DeviceFlow.SignIn(code.UserCode, "octocat");
        _clock.Advance(TimeSpan.FromSeconds(5));

        var token = await PollJsonAsync(code);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var again = await PollJsonAsync(code);
        using var user = new HttpRequestMessage(HttpMethod.Get, new Uri(_github.BaseAddress, "user"));
        user.Headers.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        using var me = await _http.SendAsync(user);

        Assert.StartsWith("ghu_", token.GetProperty("access_token").GetString(), StringComparison.Ordinal);
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
        Assert.Equal("incorrect_device_code", again.GetProperty("error").GetString());
        Assert.Equal("octocat", JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("login").GetString());
        Assert.Equal("5000", me.Headers.GetValues("x-ratelimit-limit").Single()); // an API call, unlike the two posts
    }

    [Fact]
    public async Task An_unknown_client_gets_404_and_a_disabled_flow_400()
    {
        using var unknown = await PostAsync("login/device/code", json: true, ("client_id", "nobody"));
        _github.DeviceFlow.Enabled = false;
        using var disabled = await PostAsync("login/device/code", json: true, ("client_id", ClientId));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"error":"Not Found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, disabled.StatusCode);
        Assert.Contains("\"error\":\"device_flow_disabled\"", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> PollJsonAsync(FakeDeviceCode code)
    {
        using var response = await PostAsync("login/oauth/access_token", json: true, ("client_id", ClientId), ("device_code", code.DeviceCode), ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PostAsync(string path, bool json, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_github.BaseAddress, path))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return _http.SendAsync(request);
    }
}
