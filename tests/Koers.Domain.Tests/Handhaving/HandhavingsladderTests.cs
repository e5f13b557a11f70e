using Koers.Domain.Afsluiting;
using Koers.Domain.Dossier;
using Koers.Domain.Handhaving;
using Koers.Domain.Pip;

namespace Koers.Domain.Tests.Handhaving;

public class HandhavingsladderTests
{
    private static readonly DateOnly Vandaag = new(2026, 6, 16);
    private static readonly IReadOnlyList<Ladderstap> Ladder = Handhavingsladder.Standaard;

    [Fact]
    public void Zonder_genomen_stappen_is_de_eerste_stap_het_voorstel()
    {
        var v = Handhavingsladder.Volgende(Ladder, [], Vandaag)!;
        Assert.Equal(1, v.Stap.Volgorde);
        Assert.Equal(Handhavingssoort.Contact, v.Stap.Soort);
        Assert.False(v.ReactietermijnLoopt);
    }

    [Fact]
    public void Na_een_overgeslagen_stap_volgt_de_stap_daarna_ook_als_de_ladder_niet_op_volgorde_staat()
    {
        var doorElkaar = Ladder.Reverse().ToList();
        var v = Handhavingsladder.Volgende(doorElkaar, [new GenomenStap(1, false, new(2026, 5, 1), new(2026, 5, 15)), new GenomenStap(2, true, new(2026, 5, 20), null)], Vandaag)!;
        Assert.Equal(Handhavingssoort.AangetekendeWaarschuwing, v.Stap.Soort);
        Assert.Contains("overgeslagen", v.Reden);
    }

    [Fact]
    public void Lopende_reactietermijn_wordt_gemeld_maar_blokkeert_niet()
    {
        var v = Handhavingsladder.Volgende(Ladder, [new GenomenStap(1, false, new(2026, 6, 10), new(2026, 6, 24))], Vandaag)!;
        Assert.True(v.ReactietermijnLoopt);
        Assert.Contains("loopt nog tot en met 24 juni 2026", v.Reden);
        var verstreken = Handhavingsladder.Volgende(Ladder, [new GenomenStap(1, false, new(2026, 6, 1), new(2026, 6, 15))], Vandaag)!;
        Assert.False(verstreken.ReactietermijnLoopt);
        Assert.Contains("verstreken op 15 juni 2026", verstreken.Reden);
    }

    [Fact]
    public void Na_de_laatste_stap_is_er_geen_voorstel()
    {
        Assert.Null(Handhavingsladder.Volgende(Ladder, [new GenomenStap(4, false, new(2026, 6, 1), null)], Vandaag));
    }

    [Fact]
    public void De_standaardladder_is_geldig_en_een_boete_zonder_waarschuwing_ervoor_niet()
    {
        Assert.Empty(Handhavingsladder.Controleer(Ladder));
        var fouten = Handhavingsladder.Controleer([new(1, Handhavingssoort.Contact, "Gesprek", "", 7, null), new(2, Handhavingssoort.BoeteWi2021, "Boete", "Boete {bedrag}", 42, 100m)]);
        Assert.Contains(fouten, f => f.Veld == "Stappen");
        var bedrag = Handhavingsladder.Controleer([new(1, Handhavingssoort.Brief, "Brief", "x", 7, 5m), new(2, Handhavingssoort.BoeteWi2021, "Boete", "y", 42, 0m)]);
        Assert.Contains(bedrag, f => f.Veld == "Stappen[0].Bedrag");
        Assert.Contains(bedrag, f => f.Veld == "Stappen[1].Bedrag");
    }

    [Fact]
    public void Verplichtingen_volgen_het_pip()
    {
        Assert.Equal([PipVerplichting.BredeIntakeEnPip], Handhavingsladder.Verplichtingen(null));
        var z = Handhavingsladder.Verplichtingen(new PipInhoud { Leerroute = Leerroute.ZRoute, Knm = true, Map = false, Pvt = true, Participatie = ParticipatieVorm.Geen });
        Assert.Equal([PipVerplichting.BredeIntakeEnPip, PipVerplichting.Taal, PipVerplichting.Knm, PipVerplichting.Pvt, PipVerplichting.Participatie], z);
    }

    [Fact]
    public void Plaatshouders_worden_ingevuld()
    {
        Assert.Equal("Beste Amal, uiterlijk 1 juli.", Handhavingsladder.VulIn("Beste {naam}, vóór {reactiedatum}.", new Dictionary<string, string> { ["{naam}"] = "Amal", ["{reactiedatum}"] = "1 juli" }));
    }

    [Theory]
    [InlineData(Leerroute.B1Route, new[] { "Lezen", "Luisteren", "Schrijven", "Spreken" }, new[] { "Knm" })]
    [InlineData(Leerroute.ZRoute, new[] { "Lezen" }, new[] { "ZRouteEindgesprek" })]
    [InlineData(Leerroute.Onderwijsroute, new[] { "Onderwijsroute" }, new string[0])]
    public void Voldaan_vraagt_de_onderdelen_van_de_leerroute(Leerroute route, string[] behaald, string[] ontbrekend)
    {
        Assert.Equal(ontbrekend, Afsluitingsregels.Ontbrekend(route, behaald));
    }

    [Fact]
    public void Elke_afsluiting_is_een_afsluitende_mijlpaal()
    {
        Assert.All(Enum.GetValues<Afsluitingssoort>(), s => Assert.Contains(s.Mijlpaal(), MijlpaalInfo.Afsluitend));
    }

    [Fact]
    public void Een_brief_noemt_de_reactiedatum_alleen_als_uiterlijk_niet_ook_als_voor()
    {
        var waarden = new Dictionary<string, string> { ["{reactiedatum}"] = "16 december 2026" };
        foreach (var stap in Ladder)
        {
            var tekst = Handhavingsladder.VulIn(stap.Brieftekst, waarden);
            Assert.DoesNotContain("vóór", tekst);
            if (stap.Brieftekst.Contains("{reactiedatum}")) Assert.Contains("uiterlijk 16 december 2026", tekst);
        }

        // A ladder copied from the old default keeps its own text, but not the second phrasing of the deadline.
        Assert.Equal("Reageer uiterlijk 16 december 2026. Uiterlijk 16 december 2026 dus.",
            Handhavingsladder.VulIn("Reageer vóór {reactiedatum}. Voor {reactiedatum} dus.", waarden));
    }

    [Fact]
    public void Een_tekortkoming_op_een_pip_verplichting_kan_niet_voor_de_dagtekening_van_het_pip_liggen()
    {
        var pip = new DateOnly(2026, 3, 2);
        Assert.Contains("ligt voor de dagtekening van het PIP (02-03-2026)", Handhavingsladder.DatumFout(PipVerplichting.Taal, new(2026, 3, 1), pip));
        Assert.Null(Handhavingsladder.DatumFout(PipVerplichting.Taal, pip, pip));
        Assert.Contains("geen vastgesteld PIP", Handhavingsladder.DatumFout(PipVerplichting.Knm, new(2026, 3, 1), null));
        Assert.Null(Handhavingsladder.DatumFout(PipVerplichting.BredeIntakeEnPip, new(2026, 1, 1), pip));
    }

    /// <summary>Wi2021 art. 26 lid 1: € 800 at most for a boete of the college (onder c), € 250 for the brede intake (onder a).</summary>
    [Fact]
    public void Een_boete_is_niet_hoger_dan_de_wet_toestaat()
    {
        Ladderstap[] Met(decimal bedrag) => [new(1, Handhavingssoort.Brief, "Brief", "x", 7, null), new(2, Handhavingssoort.BoeteWi2021, "Boete", "y", 42, bedrag)];
        Assert.Empty(Handhavingsladder.Controleer(Met(800m)));
        var fout = Assert.Single(Handhavingsladder.Controleer(Met(800.01m)));
        Assert.Equal("Stappen[1].Bedrag", fout.Veld);
        Assert.Contains("art. 26 lid 1", fout.Melding);

        Assert.Equal(250m, Handhavingsladder.MaximumBoete(PipVerplichting.BredeIntakeEnPip));
        foreach (var v in Enum.GetValues<PipVerplichting>().Where(v => v != PipVerplichting.BredeIntakeEnPip))
        {
            Assert.Equal(800m, Handhavingsladder.MaximumBoete(v));
            Assert.Null(Handhavingsladder.BoeteBovenMaximum(800m, v));
        }

        Assert.Null(Handhavingsladder.BoeteBovenMaximum(250m, PipVerplichting.BredeIntakeEnPip));
        Assert.Contains("hoogstens € 250", Handhavingsladder.BoeteBovenMaximum(250.01m, PipVerplichting.BredeIntakeEnPip));
    }
}
