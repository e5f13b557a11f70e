using Koers.Domain.Clock;

namespace Koers.Domain.Dossier;

/// <summary>A rule a change would break, in plain Dutch, tied to the field it is about.</summary>
public sealed record Overtreding(string Veld, string Melding, Koers.Domain.Sources.Citation? Bron = null);

/// <summary>Checks that the milestones of a case are a possible history before anything is saved.</summary>
public static class MijlpaalRegels
{
    private static readonly (Mijlpaal Later, Mijlpaal Eerder)[] Volgorde =
    [
        (Mijlpaal.WarmeOverdracht, Mijlpaal.Koppeling),
        (Mijlpaal.BredeIntake, Mijlpaal.Koppeling),
        (Mijlpaal.Leerbaarheidstoets, Mijlpaal.Koppeling),
        (Mijlpaal.PipVastgesteld, Mijlpaal.Koppeling),
        (Mijlpaal.InformatieDerdeGevraagd, Mijlpaal.Koppeling),
        (Mijlpaal.InformatieDerdeOntvangen, Mijlpaal.InformatieDerdeGevraagd),
        (Mijlpaal.StartLeerroute, Mijlpaal.PipVastgesteld),
        (Mijlpaal.LaatsteVoortgangsgesprek, Mijlpaal.PipVastgesteld),
        (Mijlpaal.EindgesprekOfExamens, Mijlpaal.Koppeling),
        (Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Koppeling),
        (Mijlpaal.Ontheffing, Mijlpaal.Koppeling),
        (Mijlpaal.Verhuisd, Mijlpaal.Koppeling),
        (Mijlpaal.Uitgeschreven, Mijlpaal.Koppeling),
    ];

    public static IReadOnlyList<Overtreding> Controleer(DossierFeiten feiten, DateOnly vandaag)
    {
        var fouten = new List<Overtreding>();
        if (feiten.Geboortedatum is { } geboren && geboren > vandaag)
        {
            fouten.Add(new("Geboortedatum", "De geboortedatum ligt in de toekomst."));
        }

        foreach (var (mijlpaal, datum) in feiten.Mijlpalen.OrderBy(m => m.Key))
        {
            if (datum > vandaag && !mijlpaal.MagInToekomst())
            {
                fouten.Add(new(mijlpaal.ToString(),
                    $"{mijlpaal.Omschrijving()}: de datum {datum:dd-MM-yyyy} ligt in de toekomst. Leg alleen vast wat al gebeurd is."));
            }

            if (feiten.Geboortedatum is { } g && datum < g)
            {
                fouten.Add(new(mijlpaal.ToString(), $"{mijlpaal.Omschrijving()}: de datum ligt vóór de geboortedatum."));
            }
        }

        foreach (var (later, eerder) in Volgorde)
        {
            if (feiten.Datum(later) is { } l && feiten.Datum(eerder) is { } e && l < e)
            {
                fouten.Add(new(later.ToString(),
                    $"{later.Omschrijving()} ({l:dd-MM-yyyy}) kan niet vóór {eerder.Omschrijving().ToLowerInvariant()} ({e:dd-MM-yyyy}) liggen."));
            }
        }

        if (feiten.Datum(Mijlpaal.InformatieDerdeOntvangen) is not null && feiten.Datum(Mijlpaal.InformatieDerdeGevraagd) is null)
        {
            fouten.Add(new(nameof(Mijlpaal.InformatieDerdeOntvangen),
                "Informatie van een derde kan pas ontvangen zijn als ze gevraagd is: vul ook de datum van de vraag in."));
        }

        if (feiten.Datum(Mijlpaal.TermijnVerlengdTot) is { } verlengd)
        {
            if (feiten.Datum(Mijlpaal.PipVastgesteld) is not { } pip)
            {
                fouten.Add(new(nameof(Mijlpaal.TermijnVerlengdTot),
                    "Een verlenging van de inburgeringstermijn kan pas als het PIP is vastgesteld: de termijn begint bij vaststelling."));
            }
            else if (verlengd <= Kalender.JarenLater(pip, LegalClock.InburgeringstermijnJaren))
            {
                fouten.Add(new(nameof(Mijlpaal.TermijnVerlengdTot),
                    $"De verlenging moet na het oorspronkelijke einde van de termijn liggen ({Kalender.JarenLater(pip, LegalClock.InburgeringstermijnJaren):dd-MM-yyyy})."));
            }
        }

        var afsluitingen = MijlpaalInfo.Afsluitend.Where(feiten.Mijlpalen.ContainsKey).ToList();
        if (afsluitingen.Count > 1)
        {
            fouten.Add(new(afsluitingen[1].ToString(),
                $"Een dossier kan maar op één manier eindigen; nu zijn zowel '{afsluitingen[0].Omschrijving()}' als '{afsluitingen[1].Omschrijving()}' ingevuld."));
        }

        return fouten;
    }
}
