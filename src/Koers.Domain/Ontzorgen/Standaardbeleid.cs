using Koers.Domain.Sources;

namespace Koers.Domain.Ontzorgen;

/// <summary>
/// The policy a municipality starts with until functioneel beheer changes it: what the sources report for that
/// municipality (by CBS code), else the law's default: ontzorgen for everyone in the target group.
/// </summary>
public static class Standaardbeleid
{
    public sealed record Beleid(OntzorgenBeleidsregels Regels, string? TrainingAanbod, Citation Bron);

    public static Beleid Voor(string cbsCode) => cbsCode.Trim().ToUpperInvariant() switch
    {
        // Kempen (000): 'ja, tenzij'; Bergeijk and Reusel-De Mierden use Eurowijzer, Bladel the inloopavond of
        // Vluchtelingenhulp Bladel and extends more often; Eersel uses no training from the offer.
        "GM1724" => new(new OntzorgenBeleidsregels(), "Eurowijzer (VluchtelingenWerk)", BronOntzorgen.JaTenzij),
        "GM1667" => new(new OntzorgenBeleidsregels(), "Eurowijzer (VluchtelingenWerk)", BronOntzorgen.JaTenzij),
        "GM1728" => new(new OntzorgenBeleidsregels(), "Inloopavond financiën (Vluchtelingenhulp Bladel)", BronOntzorgen.VerlengingenBladel),
        "GM0770" => new(new OntzorgenBeleidsregels(), null, BronOntzorgen.JaTenzij),
        // Oirschot works 'nee, tenzij' on the advice of its partners.
        "GM0823" => new(new OntzorgenBeleidsregels { Benadering = OntzorgenBenadering.NeeTenzij }, null, BronOntzorgen.NeeTenzij),
        _ => new(new OntzorgenBeleidsregels(), null, BronOntzorgen.VerlengenMag),
    };
}
