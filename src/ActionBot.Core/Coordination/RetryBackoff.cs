namespace ActionBot.Core.Coordination;

/// <summary>When to try failed outgoing work again: the base delay doubled per attempt, never beyond a ceiling.</summary>
public static class RetryBackoff
{
    /// <summary><paramref name="baseDelay"/> × 2^(attempts − 1), at most <paramref name="maxDelay"/> (no overflow however many attempts).</summary>
    public static TimeSpan Exponential(int attempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 62);
        var ticks = baseDelay.Ticks <= 0 ? 0 : baseDelay.Ticks > (maxDelay.Ticks >> exponent) ? maxDelay.Ticks : baseDelay.Ticks << exponent;
        return TimeSpan.FromTicks(Math.Min(ticks, maxDelay.Ticks));
    }
}
