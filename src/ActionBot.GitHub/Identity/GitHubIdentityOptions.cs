using System.ComponentModel.DataAnnotations;

namespace ActionBot.GitHub.Identity;

/// <summary>
/// How people prove who they are on GitHub, bound from <c>ActionBot:GitHub</c> beside <c>GitHubOptions</c>
/// (the same <c>ApiBaseUrl</c>; its web host is where the device flow runs).
/// </summary>
public sealed class GitHubIdentityOptions
{
    public const string SectionName = "ActionBot:GitHub";

    /// <summary>REST API root, as for the rest of the adapter.</summary>
    [Required(ErrorMessage = "ActionBot:GitHub:ApiBaseUrl is required.")]
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>
    /// The client id of the GitHub App (with "Enable Device Flow" ticked in its settings) whose device flow confirms
    /// <c>/postmortem link</c>; without it only an admin links people (<c>Discord:UserLinks</c>).
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "ActionBot:GitHub:ClientId must be the App's client id (letters, digits, '.', '_' and '-'), as its settings page shows it.")]
    public string? ClientId { get; set; }
}
