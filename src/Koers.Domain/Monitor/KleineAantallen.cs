namespace Koers.Domain.Monitor;

/// <summary>
/// Statistical disclosure control for the monitor: a count of 1 to 4 people could point to a person, so
/// aggregates shown to policy staff say "&lt;5" instead. Zero is shown: it points to no one.
/// Figures derived from such a count (a median, a share, an amount per person) are hidden with it.
/// </summary>
public static class KleineAantallen
{
    public const int Grens = 5;

    public static string Tekst(int grens = Grens) => $"<{grens}";

    public static bool Verbergen(int aantal, int grens = Grens) => aantal > 0 && aantal < grens;

    /// <summary>
    /// A share hides when its numerator, its denominator or the rest (denominator minus numerator) is a small
    /// count: "1 of 20" and "19 of 20" tell as much about one person.
    /// </summary>
    public static bool VerbergAandeel(int teller, int noemer, int grens = Grens) =>
        Verbergen(teller, grens) || Verbergen(noemer, grens) || Verbergen(noemer - teller, grens);
}
