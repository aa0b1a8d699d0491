using System.Globalization;

namespace ActionBot.Core.Reminders;

/// <summary>
/// When reminders may be sent: local hours on working days in one time zone. Instants outside are moved to the
/// start of the next working window, so a reminder that falls at night or on a weekend waits for the next working morning.
/// </summary>
public sealed class WorkingTime
{
    private readonly bool[] _days = new bool[7];

    public WorkingTime(TimeZoneInfo timeZone, IEnumerable<DayOfWeek> days, TimeOnly start, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(days);
        if (length <= TimeSpan.Zero || length > TimeSpan.FromDays(1) || start.ToTimeSpan() + length > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(length), "Working hours must be a non-empty range within one day.");
        }

        TimeZone = timeZone;
        Start = start;
        Length = length;
        foreach (var day in days)
        {
            _days[(int)day] = true;
        }

        if (!_days.Contains(true))
        {
            throw new ArgumentException("At least one working day is needed.", nameof(days));
        }
    }

    public TimeZoneInfo TimeZone { get; }

    public TimeOnly Start { get; }

    public TimeSpan Length { get; }

    public bool IsWorkingDay(DateOnly date) => _days[(int)date.DayOfWeek];

    /// <summary>The calendar date of <paramref name="instant"/> in <see cref="TimeZone"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant of a local wall-clock time; a time skipped by a DST change moves forward by the gap.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // An ambiguous local time (the repeated hour in autumn) takes its first occurrence: the larger offset.
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Start of the working window of the first working day on or after <paramref name="date"/>.</summary>
    public DateTimeOffset MorningOf(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return ToInstant(date.ToDateTime(Start));
    }

    public bool IsWorking(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var sinceStart = local.TimeOfDay - Start.ToTimeSpan();
        return IsWorkingDay(date) && sinceStart >= TimeSpan.Zero && sinceStart < Length;
    }

    /// <summary><paramref name="instant"/> when it is working time, else the start of the next working window.</summary>
    public DateTimeOffset NextWorking(DateTimeOffset instant)
    {
        if (IsWorking(instant))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var morning = MorningOf(date);
        return morning > instant ? morning : MorningOf(date.AddDays(1));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TimeZone.Id} {Start:HH\\:mm}+{Length}");
}
