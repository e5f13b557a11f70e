using Koers.Data.Model;

namespace Koers.Web.Features.Werkvoorraad;

/// <summary>
/// The part of the worklist filter that selects cases (municipality, klantregisseur, team). The worklist's deadline
/// table and its signal sections (ontzorgen, voortgang, handhaving) all apply it, so a klantregisseur who filters on
/// their own name sees their own signals, and each section only touches the cases that are on screen.
/// Access (reach) is not decided here: callers start from <see cref="Kern.Toegang.DossiersAsync"/>.
/// </summary>
public sealed record Dossierselectie(string? Gemeente = null, int? KlantregisseurId = null, int? TeamId = null)
{
    public static readonly Dossierselectie Alles = new();

    /// <summary>The municipality code as stored (CBS code, upper case), or null.</summary>
    public string? GemeenteCode => string.IsNullOrWhiteSpace(Gemeente) ? null : Gemeente.Trim().ToUpperInvariant();

    public IQueryable<Inburgeraar> Pas(IQueryable<Inburgeraar> dossiers)
    {
        if (GemeenteCode is { } code) dossiers = dossiers.Where(i => i.Gemeente!.Code == code);
        if (KlantregisseurId is { } kid) dossiers = dossiers.Where(i => i.KlantregisseurId == kid);
        if (TeamId is { } tid) dossiers = dossiers.Where(i => i.Klantregisseur!.TeamId == tid);
        return dossiers;
    }
}
