namespace Koers.Web.Infrastructure;

/// <summary>Today's date in the Netherlands. Deadlines are dates, so 'today' must be the Dutch day, not UTC's.</summary>
public sealed class Klok(TimeProvider time)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public DateTime NuUtc => time.GetUtcNow().UtcDateTime;

    /// <summary>A stored UTC moment as Dutch wall-clock time, for screens, letters and files.</summary>
    public static DateTime NaarNederlandseTijd(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);

    public DateOnly Vandaag => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);
}
