using System.Text.Json.Serialization;

namespace ActionBot.GitHub.Identity;

/// <summary><c>POST /login/device/code</c>'s answer (JSON, as asked for with <c>Accept: application/json</c>).</summary>
internal sealed record DeviceCodeAnswer
{
    public string? DeviceCode { get; init; }
    public string? UserCode { get; init; }
    public string? VerificationUri { get; init; }
    public int? ExpiresIn { get; init; }
    public int? Interval { get; init; }
    public string? Error { get; init; }
}

/// <summary>
/// <c>POST /login/oauth/access_token</c>'s answer: a token, or (with status 200) an error code such as
/// <c>authorization_pending</c>, and for <c>slow_down</c> the new interval.
/// </summary>
internal sealed record AccessTokenAnswer
{
    public string? AccessToken { get; init; }
    public string? Error { get; init; }
    public int? Interval { get; init; }
}

/// <summary><c>GET /user</c>: the signed-in user (the one field read).</summary>
internal sealed record AuthenticatedUser(string? Login);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DeviceCodeAnswer))]
[JsonSerializable(typeof(AccessTokenAnswer))]
[JsonSerializable(typeof(AuthenticatedUser))]
internal sealed partial class DeviceFlowJsonContext : JsonSerializerContext;
