namespace Koers.Web.Infrastructure;

/// <summary>Free-text input as Koers stores it: trimmed, and nothing rather than an empty string.</summary>
public static class Invoer
{
    public static string? Schoon(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde.Trim();
}
