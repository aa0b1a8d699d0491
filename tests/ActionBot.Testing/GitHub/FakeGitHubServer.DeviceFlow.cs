using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActionBot.Testing.GitHub;

/// <summary>
/// The OAuth endpoints of GitHub's web host (a test server is both its API and its web host) and <c>GET /user</c>.
/// Answers are JSON with <c>Accept: application/json</c>, else form-encoded, as GitHub's are.
/// </summary>
public sealed partial class FakeGitHubServer
{
    private FakeDeviceFlow? _deviceFlow;

    /// <summary>GitHub's device flow, with the test's hands at the device page.</summary>
    public FakeDeviceFlow DeviceFlow
    {
        get
        {
            lock (Sync)
            {
                return _deviceFlow ??= new FakeDeviceFlow(Time, () => BaseAddress, AddToken);
            }
        }
    }

    // Not API calls: no rate-limit headers and no authentication (the client id is in the form).
    private async Task DeviceFlowAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value;
        if (!HttpMethods.IsPost(context.Request.Method) || path is not ("/login/device/code" or "/login/oauth/access_token"))
        {
            await next(context);
            return;
        }

        var form = await ReadFieldsAsync(context.Request);
        if (path == "/login/device/code")
        {
            var (status, fields) = DeviceFlow.RequestCode(form.GetValueOrDefault("client_id"));
            await WriteOAuthAsync(context, status, fields);
            return;
        }

        await WriteOAuthAsync(context, 200, DeviceFlow.Poll(form.GetValueOrDefault("client_id"), form.GetValueOrDefault("device_code"), form.GetValueOrDefault("grant_type")));
    }

    private void MapUserEndpoints(WebApplication app) =>
        app.MapGet("/user", (HttpContext context) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var token = authorization.Length > 7 ? authorization[7..] : "";
            return DeviceFlow.LoginOf(token) is { } login
                ? Results.Json(AuthenticatedUser(login), FakeGitHubJson.Options)
                : Results.Json(FakeGitHubJson.Error("Resource not accessible by integration", 403), FakeGitHubJson.Options, statusCode: 403);
        });

    private object AuthenticatedUser(string login) => new
    {
        login,
        id = AccountId(login),
        node_id = $"U_{AccountId(login)}",
        avatar_url = $"https://avatars.githubusercontent.com/u/{AccountId(login)}?v=4",
        url = $"{Api}users/{login}",
        html_url = new Uri(BaseAddress, login).AbsoluteUri,
        type = "User",
        site_admin = false,
        name = (string?)null,
        created_at = "2020-01-01T00:00:00Z",
    };

    private static long AccountId(string login) =>
        1000 + (long)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(login.ToLowerInvariant()))) % 1_000_000);

    private static async Task<Dictionary<string, string>> ReadFieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }

        // GitHub takes the same fields as a JSON object too.
        try
        {
            var fields = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(request.Body);
            return fields?.Where(f => f.Value.ValueKind == JsonValueKind.String).ToDictionary(f => f.Key, f => f.Value.GetString()!, StringComparer.Ordinal) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static async Task WriteOAuthAsync(HttpContext context, int status, IReadOnlyList<(string Name, object Value)> fields)
    {
        context.Response.StatusCode = status;
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                if (value is int number)
                {
                    json.WriteNumber(name, number);
                }
                else
                {
                    json.WriteString(name, (string)value);
                }
            }

            json.WriteEndObject();
            return;
        }

        context.Response.ContentType = "application/x-www-form-urlencoded; charset=utf-8";
        var body = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!)}"));
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }
}
