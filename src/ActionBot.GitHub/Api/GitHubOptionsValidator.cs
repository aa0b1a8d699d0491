using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api;

/// <summary>Fills the defaults that binding cannot express: a trailing slash on the API root, the default globs and issue repository.</summary>
internal sealed class GitHubOptionsDefaults : IPostConfigureOptions<GitHubOptions>
{
    public void PostConfigure(string? name, GitHubOptions options)
    {
        // Relative routes resolve against the last segment of a root without a slash (".../api/v3" would lose "v3").
        if (options.ApiBaseUrl is { IsAbsoluteUri: true } root && !root.AbsolutePath.EndsWith('/'))
        {
            options.ApiBaseUrl = new Uri(root.AbsoluteUri + "/");
        }

        foreach (var repository in options.Repositories)
        {
            if (repository.PostmortemPaths.Count == 0)
            {
                foreach (var glob in GitHubRepositoryOptions.DefaultPostmortemPaths)
                {
                    repository.PostmortemPaths.Add(glob);
                }
            }

            if (string.IsNullOrWhiteSpace(repository.IssueRepository))
            {
                repository.IssueRepository = repository.Name;
            }
        }
    }
}

/// <summary>The rules across keys that data annotations cannot state; each message names its key.</summary>
internal sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    private const string Prefix = GitHubOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var errors = new List<string>();
        ValidateApiBaseUrl(options, errors);
        ValidateCredentials(options, errors);
        ValidateRepositories(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateApiBaseUrl(GitHubOptions options, List<string> errors)
    {
        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } root || (root.Scheme != Uri.UriSchemeHttps && root.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{Prefix}ApiBaseUrl must be an absolute http(s) URL.");
        }
    }

    private static void ValidateCredentials(GitHubOptions options, List<string> errors)
    {
        var hasToken = !string.IsNullOrWhiteSpace(options.Token);
        if (hasToken && options.UsesApp)
        {
            errors.Add($"{Prefix}Token and {Prefix}AppId / PrivateKeyPath / InstallationId are alternatives: set one of them.");
            return;
        }

        if (!hasToken && !options.UsesApp)
        {
            errors.Add($"{Prefix}Token is required, unless {Prefix}AppId, {Prefix}PrivateKeyPath and {Prefix}InstallationId (a GitHub App) are set.");
            return;
        }

        if (hasToken)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            errors.Add($"{Prefix}AppId is required with the other GitHub App settings.");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            errors.Add($"{Prefix}PrivateKeyPath is required with the other GitHub App settings.");
        }
        else if (!File.Exists(options.PrivateKeyPath))
        {
            errors.Add($"{Prefix}PrivateKeyPath: no file at '{options.PrivateKeyPath}'.");
        }

        if (options.InstallationId is not > 0)
        {
            errors.Add($"{Prefix}InstallationId is required with the other GitHub App settings (a positive number).");
        }
    }

    private static void ValidateRepositories(GitHubOptions options, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Repositories.Count; i++)
        {
            var repository = options.Repositories[i];
            var key = $"{Prefix}Repositories:{i}:";
            if (!GitHubRepoName.TryParse(repository.Name, out _))
            {
                errors.Add($"{key}Name must look like owner/name (was '{repository.Name}').");
            }
            else if (!seen.Add(repository.Name))
            {
                errors.Add($"{key}Name: '{repository.Name}' is configured twice.");
            }

            if (repository.IssueRepository is { } issues && issues != repository.Name && !GitHubRepoName.TryParse(issues, out _))
            {
                errors.Add($"{key}IssueRepository must look like owner/name (was '{issues}').");
            }

            for (var j = 0; j < repository.PostmortemPaths.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(repository.PostmortemPaths[j]))
                {
                    errors.Add($"{key}PostmortemPaths:{j} must not be empty.");
                }
            }
        }
    }
}
