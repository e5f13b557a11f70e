using Koers.Domain.Clock;
using Koers.Web.Infrastructure.Pdf;

namespace Koers.Web.Features.Pip.Beschikking;

/// <summary>
/// The term sentence of the rechtsmiddelenclausule (Awb 3:45), the same in every decision letter. The term is six
/// weeks from the day after the letter was sent (Awb 6:7, 6:8 lid 1; Algemene termijnenwet art. 1). The letter prints
/// a last day only when the date of sending was recorded before the letter was made; otherwise a date computed from
/// the dagtekening would be wrong whenever the letter leaves later, so it states the rule instead.
/// </summary>
public static class Bezwaarclausule
{
    public static string Termijn(DateOnly? verzenddatum) => verzenddatum is { } verzonden
        ? $"U kunt bezwaar maken binnen zes weken na de dag van verzending van deze brief. Wij hebben deze brief verzonden op "
            + $"{BeschikkingBrief.Datum(verzonden)}. Uw bezwaarschrift moet dus uiterlijk op {BeschikkingBrief.Datum(LegalClock.BezwaarEinde(verzonden))} bij ons zijn."
        : "U kunt bezwaar maken binnen zes weken na de dag van verzending van deze brief. De termijn begint op de dag nadat wij "
            + "deze brief hebben verzonden. Is de laatste dag een zaterdag, zondag of feestdag? Dan mag het ook nog op de eerstvolgende werkdag.";

    /// <summary>
    /// The short clause of a decision other than the PIP (a sanction, an ontzorgen besluit): where to, within which term,
    /// and what the bezwaarschrift must contain (Awb 3:45, 6:5).
    /// </summary>
    public static BriefPdf Blok(BriefPdf brief, Briefhoofd hoofd, string kenmerk, DateOnly? verzenddatum) => brief
        .Kop("Niet eens met dit besluit?")
        .Alinea("Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat doet u met een brief. Die brief heet een bezwaarschrift.")
        .Alinea(Termijn(verzenddatum))
        .Alinea($"Stuur uw bezwaarschrift naar:\n{hoofd.BezwaarAdres}")
        .Alinea($"Noem in uw bezwaarschrift het kenmerk ({kenmerk}), waarom u het niet eens bent met dit besluit, en zet uw naam, adres, de datum en uw handtekening erin. "
            + "Dit staat in artikel 6:5 van de Algemene wet bestuursrecht.");
}
