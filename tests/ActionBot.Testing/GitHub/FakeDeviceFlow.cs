using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Testing.GitHub;

/// <summary>One device flow the fake started: its codes, its clock, and what the person did at GitHub.</summary>
public sealed class FakeDeviceCode
{
    internal FakeDeviceCode(string clientId, string deviceCode, string userCode, DateTimeOffset issuedAt, DateTimeOffset expiresAt, TimeSpan interval)
    {
        ClientId = clientId;
        DeviceCode = deviceCode;
        UserCode = userCode;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Interval = interval;
    }

    public string ClientId { get; }

    public string DeviceCode { get; }

    public string UserCode { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The least time between two polls; each <c>slow_down</c> adds five seconds.</summary>
    public TimeSpan Interval { get; internal set; }

    /// <summary>When each poll of the token endpoint with this code arrived (fake clock).</summary>
    public IReadOnlyList<DateTimeOffset> Polls => [.. PollTimes];

    /// <summary>Who signed in and authorized the code at GitHub's device page, if anyone.</summary>
    public string? SignedInAs { get; internal set; }

    public bool Denied { get; internal set; }

    /// <summary>True once its token was handed out: GitHub hands a device code's token out once.</summary>
    public bool Redeemed { get; internal set; }

    internal List<DateTimeOffset> PollTimes { get; } = [];

    internal DateTimeOffset? LastPollAt { get; set; }
}

/// <summary>
/// GitHub's OAuth device flow as the fake answers it (<c>POST /login/device/code</c>, <c>POST /login/oauth/access_token</c>
/// on the web host, which for a test server is the same host), with the test's hands at GitHub's device page:
/// <see cref="SignIn"/> and <see cref="Deny"/>. Errors of the token endpoint come with status 200, as GitHub sends
/// them; polling sooner than the interval gets <c>slow_down</c> and five more seconds of interval.
/// </summary>
public sealed class FakeDeviceFlow
{
    public const string ErrorUri = "https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow";

    private readonly TimeProvider _time;
    private readonly Func<Uri> _webHost;
    private readonly Action<string> _acceptToken;
    private readonly Lock _sync = new();
    private readonly List<FakeDeviceCode> _codes = [];
    private readonly HashSet<string> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private int _slowDownNext;

    internal FakeDeviceFlow(TimeProvider time, Func<Uri> webHost, Action<string> acceptToken)
    {
        _time = time;
        _webHost = webHost;
        _acceptToken = acceptToken;
    }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromSeconds(900);

    /// <summary>"Enable Device Flow" in the App's settings; off, starting a flow answers 400 <c>device_flow_disabled</c>.</summary>
    public bool Enabled { get; set; } = true;

    public IReadOnlyList<FakeDeviceCode> Codes
    {
        get
        {
            lock (_sync)
            {
                return [.. _codes];
            }
        }
    }

    public FakeDeviceCode LatestCode => Codes is { Count: > 0 } codes ? codes[^1] : throw new InvalidOperationException("No device flow was started.");

    /// <summary>Every user token handed out (tests look for them in logs and files).</summary>
    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_sync)
            {
                return [.. _tokens.Keys];
            }
        }
    }

    /// <summary>Polls that came sooner than the code's interval allowed.</summary>
    public int TooEarlyPolls { get; private set; }

    /// <summary>Registers an App's client id (the fake knows no other).</summary>
    public void RegisterClient(string clientId)
    {
        lock (_sync)
        {
            _clients.Add(clientId);
        }
    }

    /// <summary>The person enters <paramref name="userCode"/> at the device page, signed in to GitHub as <paramref name="login"/>, and authorizes.</summary>
    public void SignIn(string userCode, string login) => Change(userCode, code => code.SignedInAs = login);

    /// <summary>The person enters <paramref name="userCode"/> and clicks Cancel.</summary>
    public void Deny(string userCode) => Change(userCode, code => code.Denied = true);

    /// <summary>The next poll gets <c>slow_down</c> whatever its timing, as when GitHub's clock and the client's disagree.</summary>
    public void SlowDownNextPoll()
    {
        lock (_sync)
        {
            _slowDownNext++;
        }
    }

    internal string? LoginOf(string token)
    {
        lock (_sync)
        {
            return _tokens.GetValueOrDefault(token);
        }
    }

    internal (int Status, IReadOnlyList<(string Name, object Value)> Fields) RequestCode(string? clientId)
    {
        lock (_sync)
        {
            if (clientId is null || !_clients.Contains(clientId))
            {
                return (404, [("error", "Not Found")]);
            }

            if (!Enabled)
            {
                return (400, Error("device_flow_disabled", "Device Flow must be explicitly enabled for this App"));
            }

            var now = _time.GetUtcNow();
            var number = _codes.Count + 1;
            var code = new FakeDeviceCode(clientId, Hex($"device:{number}:{Guid.NewGuid()}", 40), UserCode(number), now, now + ExpiresIn, Interval);
            _codes.Add(code);
            return (200,
            [
                ("device_code", code.DeviceCode),
                ("user_code", code.UserCode),
                ("verification_uri", new Uri(_webHost(), "login/device").AbsoluteUri),
                ("expires_in", (int)ExpiresIn.TotalSeconds),
                ("interval", (int)Interval.TotalSeconds),
            ]);
        }
    }

    internal IReadOnlyList<(string Name, object Value)> Poll(string? clientId, string? deviceCode, string? grantType)
    {
        string? token = null;
        IReadOnlyList<(string Name, object Value)> answer;
        lock (_sync)
        {
            answer = PollLocked(clientId, deviceCode, grantType, ref token);
        }

        if (token is not null)
        {
            _acceptToken(token);
        }

        return answer;
    }

    private (string Name, object Value)[] PollLocked(string? clientId, string? deviceCode, string? grantType, ref string? token)
    {
        if (grantType != "urn:ietf:params:oauth:grant-type:device_code")
        {
            return Error("unsupported_grant_type", "The grant type must be urn:ietf:params:oauth:grant-type:device_code.");
        }

        if (clientId is null || !_clients.Contains(clientId))
        {
            return Error("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
        }

        var code = _codes.FirstOrDefault(c => c.DeviceCode == deviceCode && c.ClientId == clientId);
        if (code is null || code.Redeemed)
        {
            return Error("incorrect_device_code", "The device_code provided is not valid.");
        }

        var now = _time.GetUtcNow();
        code.PollTimes.Add(now);
        if (now >= code.ExpiresAt)
        {
            return Error("expired_token", "The `device_code` has expired.");
        }

        if (code.Denied)
        {
            return Error("access_denied", "The authorization request was denied.");
        }

        var tooEarly = now - (code.LastPollAt ?? code.IssuedAt) < code.Interval;
        code.LastPollAt = now;
        if (tooEarly || _slowDownNext > 0)
        {
            TooEarlyPolls += tooEarly ? 1 : 0;
            _slowDownNext = Math.Max(0, _slowDownNext - 1);
            code.Interval += TimeSpan.FromSeconds(5);
            return [.. Error("slow_down", "Too many requests have been made in the same timeframe."), ("interval", (int)code.Interval.TotalSeconds)];
        }

        if (code.SignedInAs is not { } login)
        {
            return Error("authorization_pending", "The authorization request is still pending.");
        }

        // A GitHub App's user token: it expires, and comes with a refresh token.
        code.Redeemed = true;
        token = "ghu_" + Hex($"token:{code.DeviceCode}", 36);
        _tokens[token] = login;
        return
        [
            ("access_token", token),
            ("expires_in", 28800),
            ("refresh_token", "ghr_" + Hex($"refresh:{code.DeviceCode}", 76)),
            ("refresh_token_expires_in", 15897600),
            ("token_type", "bearer"),
            ("scope", ""),
        ];
    }

    private void Change(string userCode, Action<FakeDeviceCode> change)
    {
        lock (_sync)
        {
            var code = _codes.LastOrDefault(c => c.UserCode == userCode) ?? throw new InvalidOperationException($"No device flow has the user code {userCode}.");
            if (_time.GetUtcNow() >= code.ExpiresAt)
            {
                throw new InvalidOperationException($"The code {userCode} has expired: GitHub's page would not take it.");
            }

            change(code);
        }
    }

    private static (string Name, object Value)[] Error(string code, string description) =>
        [("error", code), ("error_description", description), ("error_uri", ErrorUri)];

    // Eight characters with a hyphen in the middle, from GitHub's alphabet of unambiguous capitals and digits.
    private static string UserCode(int number)
    {
        const string alphabet = "BCDFGHJKLMNPQRSTVWXZ23456789";
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(number.ToString(CultureInfo.InvariantCulture)));
        var chars = bytes.Take(8).Select(b => alphabet[b % alphabet.Length]).ToArray();
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
    }

    private static string Hex(string seed, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{i}"))));
        }

        return text.ToString(0, length);
    }
}
