using Koers.Domain.Sources;

namespace Koers.Domain.Pip;

/// <summary>What Koers knows when a klantregisseur withdraws the PIP in force.</summary>
/// <param name="HeeftVastgesteldPip">Whether there is a vastgesteld PIP to withdraw.</param>
/// <param name="IsEerstePip">Whether it is the first PIP of this case (no earlier, replaced version).</param>
/// <param name="DuoTermijnVastgesteld">Whether DUO has reported that it set the inburgeringstermijn (SS102).</param>
/// <param name="RedenIntrekking">Why the PIP is withdrawn.</param>
public sealed record PipIntrekkingFeiten(bool HeeftVastgesteldPip, bool IsEerstePip, bool DuoTermijnVastgesteld, string? RedenIntrekking);

/// <summary>One reason the PIP cannot be withdrawn, with the rule it comes from.</summary>
public sealed record PipIntrekkingFout(string Veld, string Melding, Citation Bron);

/// <summary>
/// Withdrawing (herroepen) the PIP in force, for instance after bezwaar or because it was vastgesteld by mistake. The
/// decision is the municipality's (Awb art. 7:11 lid 2); DUO removes its copy only under its own conditions (README
/// of duonl/gemeente-m2m-inburgering, "Het verwijderen van een PIP"), so those are checked first. Koers withdraws only
/// the first PIP: once a bijstelling exists DUO's termijn runs, and DUO no longer deletes.
/// </summary>
public static class PipIntrekking
{
    public const int MinimaleReden = 10;

    public static readonly Citation Herroeping = new(
        "Algemene wet bestuursrecht", "art. 7:11 lid 2",
        "Indien de heroverweging daartoe aanleiding geeft, herroept het bestuursorgaan het bestreden besluit en neemt het voor zover nodig in de plaats daarvan een nieuw besluit.");

    public static readonly Citation DuoVerwijderen = new(
        "DUO M2M-koppelvlak PIP (duonl/gemeente-m2m-inburgering, f4973d4)", "README.md, Het verwijderen van een PIP; API/PIP/openapi.yml 1.2.0, DELETE /personen/{bsn}/PIP",
        "Het verwijderen van een PIP is alleen mogelijk als er aan de volgende voorwaarden kan worden voldaan: De inburgeringstermijn is nog niet vastgesteld. Er zijn nog geen cursusdeelnameuren gerelateerd aan het actuele inburgeringsaanbod geregistreerd.");

    public static IReadOnlyList<PipIntrekkingFout> Controleer(PipIntrekkingFeiten f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var fouten = new List<PipIntrekkingFout>();
        if (string.IsNullOrWhiteSpace(f.RedenIntrekking) || f.RedenIntrekking.Trim().Length < MinimaleReden)
        {
            fouten.Add(new("Reden", $"Leg vast waarom het PIP wordt ingetrokken (minstens {MinimaleReden} tekens); dat hoort bij het besluit.", Herroeping));
        }

        if (!f.HeeftVastgesteldPip)
        {
            fouten.Add(new("Pip", "Er is geen vastgesteld PIP om in te trekken.", Herroeping));
            return fouten;
        }

        if (!f.IsEerstePip)
        {
            fouten.Add(new("Pip", "Dit PIP is een bijstelling. Een bijgesteld PIP kan niet worden ingetrokken: DUO heeft de inburgeringstermijn dan al vastgesteld. Stel het PIP zo nodig opnieuw bij.", DuoVerwijderen));
        }
        else if (f.DuoTermijnVastgesteld)
        {
            fouten.Add(new("Pip", "DUO heeft de inburgeringstermijn al vastgesteld; dan verwijdert DUO het PIP niet meer. Stel het PIP zo nodig bij.", DuoVerwijderen));
        }

        return fouten;
    }
}
