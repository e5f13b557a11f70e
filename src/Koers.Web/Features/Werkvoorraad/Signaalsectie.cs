namespace Koers.Web.Features.Werkvoorraad;

/// <summary>One line in a signal section: a status label, the case (linked to the tab where it is handled) and details.</summary>
public sealed record SignaalRegel(Guid InburgeraarId, string Naam, string Href, string Label, bool Urgent, string Details);

/// <summary>
/// A section of signals above the worklist (ontzorgen, voortgang, handhaving), rendered by the one partial
/// <c>_Signalen.cshtml</c>. The section is bounded: the first <see cref="Zichtbaar"/> lines show, up to
/// <see cref="Maximaal"/> more fold out, and beyond that the user is asked to narrow the filter. A region-wide view
/// can hold hundreds of signals; rendering all of them on every worklist page made the page slow and unreadable.
/// </summary>
public sealed record Signaalsectie(
    string Id,
    string Titel,
    IReadOnlyList<SignaalRegel> Regels,
    string Leeg,
    IReadOnlyList<Signaalsectie.Telling> Tellingen,
    IReadOnlyList<Signaalsectie.Link> Links,
    string? Inleiding = null,
    bool Tonen = true)
{
    /// <summary>
    /// A section the current user does not get at all (e.g. the contract signals, for the team lead only): the worklist
    /// leaves it out instead of showing an empty section. Added for Inkoop (issue #23).
    /// </summary>
    public static Signaalsectie Verborgen(string id) => new(id, string.Empty, [], string.Empty, [], [], null, false);

    public const int Zichtbaar = 8;
    public const int Maximaal = 50;

    public sealed record Telling(string Label, int Aantal);

    public sealed record Link(string Tekst, string Href);

    public IEnumerable<SignaalRegel> Eerste => Regels.Take(Zichtbaar);

    public IEnumerable<SignaalRegel> Uitklapbaar => Regels.Skip(Zichtbaar).Take(Maximaal - Zichtbaar);

    public int NietGetoond => Math.Max(0, Regels.Count - Maximaal);

    /// <summary>The fold-out caption; singular for one line ("Nog 1 signalen" was reported as a text bug).</summary>
    public string MeerTekst => Regels.Count - Zichtbaar is 1 ? "Nog 1 signaal" : $"Nog {Regels.Count - Zichtbaar} signalen";
}
