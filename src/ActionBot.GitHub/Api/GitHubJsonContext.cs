using System.Text.Json.Serialization;

namespace ActionBot.GitHub.Api;

/// <summary>The one serializer of GitHub's JSON: snake_case, nulls left out of requests, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GitHubRepository))]
[JsonSerializable(typeof(GitHubContentFile))]
[JsonSerializable(typeof(GitHubLabel))]
[JsonSerializable(typeof(List<GitHubFileChange>))]
[JsonSerializable(typeof(GitHubCommit))]
[JsonSerializable(typeof(GitHubComparison))]
[JsonSerializable(typeof(GitHubIssue))]
[JsonSerializable(typeof(List<GitHubIssue>))]
[JsonSerializable(typeof(GitHubIssueComment))]
[JsonSerializable(typeof(List<GitHubIssueComment>))]
[JsonSerializable(typeof(GitHubErrorBody))]
[JsonSerializable(typeof(GitHubInstallationToken))]
[JsonSerializable(typeof(GitHubAppJwtHeader))]
[JsonSerializable(typeof(GitHubAppJwtClaims))]
[JsonSerializable(typeof(NewIssue))]
[JsonSerializable(typeof(IssueUpdate))]
[JsonSerializable(typeof(NewIssueComment))]
[JsonSerializable(typeof(NewLabel))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
