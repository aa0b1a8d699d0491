namespace ActionBot.GitHub.Api;

/// <summary>
/// Binds a caller's <see cref="CancellationToken"/> to the Octokit calls it makes. Octokit's methods take no token; the
/// token travels with the call's execution context to the handler chain, whose outermost handler cancels on it (every
/// wait and attempt below then stops with the caller: a host shutting down, a job cancelled).
/// </summary>
public static class GitHubCall
{
    private static readonly AsyncLocal<CancellationToken> Scope = new();

    /// <summary>The token of the call being sent; none outside <see cref="RunAsync{T}"/>.</summary>
    internal static CancellationToken Token => Scope.Value;

    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();

        // Set inside this async method, the value flows into the call and is gone again for our caller when it returns.
        Scope.Value = cancellationToken;
        return await call().ConfigureAwait(false);
    }

    public static Task RunAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
