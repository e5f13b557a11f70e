using Koers.Domain.Besluiten;

namespace Koers.Domain.Tests.Besluiten;

public class BriefsjabloonTests
{
    private const string Pip = """
        Beste {naam},

        Welkom.

        [besluit]

        [plan]

        [motivering]

        [termijn]

        ## Uw rechten
        Dit moet u doen:
        - Naar de les gaan.
        - Op tijd komen.

        [bezwaar]

        [ondertekening]
        """;

    [Fact]
    public void Leest_koppen_alineas_opsommingen_en_vaste_delen_in_volgorde()
    {
        var (sjabloon, fouten) = Briefsjabloon.Lees(Briefsoort.PipVaststelling, Pip);

        Assert.Empty(fouten);
        Assert.Equal(
        [
            new SjabloonAlinea("Beste {naam},"), new SjabloonAlinea("Welkom."), new SjabloonBlok("besluit"), new SjabloonBlok("plan"),
            new SjabloonBlok("motivering"), new SjabloonBlok("termijn"), new SjabloonKop("Uw rechten"), new SjabloonAlinea("Dit moet u doen:"),
        ], sjabloon!.Delen.Take(8));
        Assert.Equal(["Naar de les gaan.", "Op tijd komen."], Assert.IsType<SjabloonOpsomming>(sjabloon.Delen[8]).Punten);
        Assert.Equal([new SjabloonBlok("bezwaar"), new SjabloonBlok("ondertekening")], sjabloon.Delen.Skip(9));
    }

    [Theory]
    [InlineData("besluit", "art. 3:47")]
    [InlineData("motivering", "art. 3:46")]
    [InlineData("bezwaar", "art. 3:45")]
    [InlineData("ondertekening", "art. 10:10")]
    [InlineData("termijn", "art. 11 lid 1 en 2")]
    [InlineData("plan", "Wet inburgering 2021")]
    public void Een_verplicht_deel_weghalen_wordt_geweigerd_met_de_grondslag(string deel, string grondslag)
    {
        var (sjabloon, fouten) = Briefsjabloon.Lees(Briefsoort.PipVaststelling, Pip.Replace($"[{deel}]", "Weg.", StringComparison.Ordinal));

        Assert.Null(sjabloon);
        var fout = Assert.Single(fouten);
        Assert.StartsWith($"Het vaste deel [{deel}] ontbreekt.", fout);
        Assert.Contains(grondslag, fout);
    }

    [Fact]
    public void Een_sanctie_houdt_motivering_bezwaar_en_ondertekening()
    {
        var verplicht = Briefsjabloon.Vastdelen(Briefsoort.Sanctie).Where(d => d.Verplicht).Select(d => d.Naam);
        Assert.Equal(["motivering", "bezwaar", "ondertekening"], verplicht);
        Assert.DoesNotContain(Briefsjabloon.Vastdelen(Briefsoort.HandhavingBrief), d => d.Naam == "bezwaar"); // announces, decides nothing
        Assert.False(Briefsjabloon.IsBesluit(Briefsoort.HandhavingBrief));
    }

    [Fact]
    public void Dubbel_onbekend_of_midden_in_een_alinea_wordt_geweigerd()
    {
        Assert.Contains("Het vaste deel [bezwaar] staat 2 keer in de brief. Laat het één keer staan.",
            Briefsjabloon.Lees(Briefsoort.PipVaststelling, Pip + "\n\n[bezwaar]").Fouten);
        Assert.Contains(Briefsjabloon.Lees(Briefsoort.PipVaststelling, Pip + "\n\n[handtekening]").Fouten, f => f.StartsWith("Het vaste deel [handtekening] bestaat niet", StringComparison.Ordinal));
        Assert.Contains(Briefsjabloon.Lees(Briefsoort.PipVaststelling, Pip + "\n\nGroeten {voornaam}").Fouten, f => f.StartsWith("Het veld {voornaam} bestaat niet", StringComparison.Ordinal));
        Assert.Contains(Briefsjabloon.Lees(Briefsoort.PipVaststelling, Pip + "\n\nZie ook [plan] hierboven.").Fouten, f => f.StartsWith("[plan] staat midden in een alinea", StringComparison.Ordinal));
        // A field of the PIP letters does not exist in a handhaving letter.
        Assert.Contains(Briefsjabloon.Lees(Briefsoort.HandhavingBrief, "[staptekst]\n\n[feiten]\n\n{termijn_einde}\n\n[ondertekening]").Fouten,
            f => f.StartsWith("Het veld {termijn_einde} bestaat niet", StringComparison.Ordinal));
    }

    [Fact]
    public void Leeg_of_te_lang_wordt_geweigerd_zonder_in_te_korten()
    {
        Assert.StartsWith("De brieftekst is leeg", Assert.Single(Briefsjabloon.Lees(Briefsoort.Sanctie, "  ").Fouten));
        var lang = Pip + new string('x', Briefsjabloon.MaxLengte);
        Assert.Contains("Er is niets ingekort of opgeslagen.", Assert.Single(Briefsjabloon.Lees(Briefsoort.PipVaststelling, lang).Fouten));
    }

    [Fact]
    public void Waarden_worden_niet_als_sjabloon_gelezen()
    {
        var tekst = Briefsjabloon.VulIn("Beste {naam}, kenmerk {kenmerk}.", new Dictionary<string, string> { ["naam"] = "{kenmerk} [bezwaar]", ["kenmerk"] = "K-1" });
        Assert.Equal("Beste {kenmerk} [bezwaar], kenmerk K-1.", tekst);
    }
}
