using Koers.Domain.Dossier;
using Koers.Domain.Sources;

namespace Koers.Domain.Pip;

/// <summary>
/// The sources of the voorlopig plan (pre-PIP). Statutory basis first: the PIP is a beschikking set after
/// inschrijving in the BRP, and only its vaststelling starts the inburgeringstermijn; practice second: the Kempen
/// policy line of a pre-PIP for people still on the Buitenjan or in an AZC (seed 000, line numbers as `sed -n` counts them).
/// </summary>
public static class BronVoorlopigPlan
{
    /// <summary>The PIP term counts from DUO's notice or the registration in the housing municipality (Besluit art. 5.3 lid 1).</summary>
    public static readonly Citation PipNaInschrijving = Bron.PipTermijnBesluit;

    public static readonly Citation Praktijk = new(
        "Evaluatie Wet Inburgering Kempen 2024", "regels 299-301",
        "Kempenplus stuurt aan op deelname aan inburgeringsactiviteiten en legt deze vast in een pre-PIP bij inburgeringsplichtigen die op de Buitenjan verblijven of op een AZC locatie. Indien statushouder gemotiveerd is voor PIP-beschikking kan deze worden afgegeven.",
        Grondslag: Bron.PipTermijnBesluit);
}

/// <summary>Whether a voorlopig plan may be made or kept for this case now, why, and the sources.</summary>
public sealed record VoorlopigPlanToets(bool Mogelijk, string Reden, Citation Bron, Citation Praktijk);

/// <summary>
/// The voorlopig plan: for someone still in an AZC (no BRP inschrijving yet), if the municipality uses it. It is no
/// beschikking (no bezwaarclausule), starts no inburgeringstermijn and is not sent to DUO; once the person is
/// registered in the BRP the formal PIP is made, and the voorlopig plan is offered as its starting point.
/// </summary>
public static class VoorlopigPlanRegels
{
    /// <summary>The Kempen municipalities (Bergeijk, Bladel, Eersel, Reusel-De Mierden) set this policy line; elsewhere it is off until beheer turns it on.</summary>
    private static readonly IReadOnlySet<string> Kempen = new HashSet<string>(StringComparer.Ordinal) { "GM1724", "GM1728", "GM0770", "GM1667" };

    public static bool Standaard(string cbsCode) => Kempen.Contains(cbsCode.Trim().ToUpperInvariant());

    public static VoorlopigPlanToets Toets(bool gemeenteGebruiktHet, DossierFeiten feiten)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        if (!gemeenteGebruiktHet)
        {
            return new(false, "Deze gemeente maakt geen voorlopig plan: het PIP wordt vastgesteld na de inschrijving in de BRP. Functioneel beheer kan het voorlopig plan aanzetten.",
                BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
        }

        if (feiten.Datum(Mijlpaal.PipVastgesteld) is { } pip)
        {
            return new(false, $"Het PIP is al vastgesteld op {pip:dd-MM-yyyy}; een voorlopig plan heeft dan geen functie meer. Wijzig het PIP met een bijstelling.",
                BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
        }

        if (feiten.Datum(Mijlpaal.BrpInschrijving) is { } brp)
        {
            return new(false, $"De inburgeraar staat sinds {brp:dd-MM-yyyy} ingeschreven in de BRP: stel nu het PIP vast (binnen tien weken). Een voorlopig plan kan als startpunt worden overgenomen.",
                BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
        }

        return new(true, "Voorlopig plan mogelijk: de inburgeraar is nog niet ingeschreven in de BRP. Het plan is geen besluit, start geen inburgeringstermijn en gaat niet naar DUO.",
            BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
    }

    /// <summary>Taking the voorlopig plan over as the draft PIP: only once the person is in the BRP and there is no draft yet.</summary>
    public static VoorlopigPlanToets Overnemen(DossierFeiten feiten, bool conceptBestaat)
    {
        ArgumentNullException.ThrowIfNull(feiten);
        if (feiten.Datum(Mijlpaal.BrpInschrijving) is null)
        {
            return new(false, "De inburgeraar is nog niet ingeschreven in de BRP; het PIP wordt pas daarna gemaakt.", BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
        }

        if (conceptBestaat)
        {
            return new(false, "Er is al een concept-PIP; werk dat bij of stel het vast.", BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
        }

        return new(true, "Het voorlopig plan wordt het concept van het PIP; pas het aan en stel het vast als beschikking.", BronVoorlopigPlan.PipNaInschrijving, BronVoorlopigPlan.Praktijk);
    }
}
