namespace Koers.Web.Infrastructure;

/// <summary>Today's date in the Netherlands. Deadlines are dates, so 'today' must be the Dutch day, not UTC's.</summary>
public sealed class Klok(TimeProvider time)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public DateTime NuUtc => time.GetUtcNow().UtcDateTime;

    public DateOnly Vandaag => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);
}
