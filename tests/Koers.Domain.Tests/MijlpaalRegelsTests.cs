using Koers.Domain.Dossier;
using static Koers.Domain.Tests.TestFeiten;

namespace Koers.Domain.Tests;

public class MijlpaalRegelsTests
{
    private static readonly DateOnly Vandaag = D("2026-06-01");

    /// <summary>A possible history up to today, with a verlenging in the future (PIP 15-03-2026 + 3 years = 15-03-2029).</summary>
    private static DossierFeiten Consistent() =>
        Statushouder(
            (Mijlpaal.Koppeling, "2026-01-10"),
            (Mijlpaal.WarmeOverdracht, "2026-01-20"),
            (Mijlpaal.BrpInschrijving, "2026-02-01"),
            (Mijlpaal.StartBijstand, "2026-02-01"),
            (Mijlpaal.BredeIntake, "2026-02-15"),
            (Mijlpaal.Leerbaarheidstoets, "2026-02-20"),
            (Mijlpaal.PipVastgesteld, "2026-03-15"),
            (Mijlpaal.StartLeerroute, "2026-04-01"),
            (Mijlpaal.LaatsteVoortgangsgesprek, "2026-05-15"),
            (Mijlpaal.LaatsteContact, "2026-05-20"),
            (Mijlpaal.TermijnVerlengdTot, "2029-09-15")) with
        { Geboortedatum = D("1990-05-05") };

    private static IReadOnlyList<Overtreding> Controleer(DossierFeiten feiten) => MijlpaalRegels.Controleer(feiten, Vandaag);

    [Fact]
    public void Consistente_geschiedenis_geeft_geen_fouten()
    {
        Assert.Empty(Controleer(Consistent()));
    }

    [Fact]
    public void Informatie_van_een_derde_ontvangen_zonder_of_voor_de_vraag_wordt_geweigerd()
    {
        var zonderVraag = Assert.Single(Controleer(Consistent().Met(Mijlpaal.InformatieDerdeOntvangen, D("2026-03-01"))));
        Assert.Equal(nameof(Mijlpaal.InformatieDerdeOntvangen), zonderVraag.Veld);
        Assert.Contains("pas ontvangen zijn als ze gevraagd is", zonderVraag.Melding);

        var ervoor = Assert.Single(Controleer(Consistent()
            .Met(Mijlpaal.InformatieDerdeGevraagd, D("2026-03-01")).Met(Mijlpaal.InformatieDerdeOntvangen, D("2026-02-25"))));
        Assert.Contains("kan niet vóór informatie van derde gevraagd (voor pip) (01-03-2026) liggen", ervoor.Melding);

        Assert.Empty(Controleer(Consistent().Met(Mijlpaal.InformatieDerdeGevraagd, D("2026-03-01")).Met(Mijlpaal.InformatieDerdeOntvangen, D("2026-03-05"))));
    }

    [Fact]
    public void Lege_geschiedenis_geeft_geen_fouten()
    {
        Assert.Empty(Controleer(Statushouder()));
    }

    [Fact]
    public void Alles_op_dezelfde_dag_en_vandaag_is_toegestaan()
    {
        var feiten = Statushouder(
            (Mijlpaal.Koppeling, "2026-06-01"), (Mijlpaal.WarmeOverdracht, "2026-06-01"),
            (Mijlpaal.PipVastgesteld, "2026-06-01"), (Mijlpaal.StartLeerroute, "2026-06-01")) with
        { Geboortedatum = D("2026-06-01") };

        Assert.Empty(Controleer(feiten));
    }

    public static TheoryData<Mijlpaal> MijlpalenBehalveVerlenging =>
        new(MijlpaalInfo.All.Where(m => m != Mijlpaal.TermijnVerlengdTot));

    [Theory]
    [MemberData(nameof(MijlpalenBehalveVerlenging))]
    public void Datum_in_de_toekomst_wordt_afgewezen(Mijlpaal mijlpaal)
    {
        var fouten = Controleer(Statushouder((mijlpaal, "2026-06-02")));

        // A milestone alone can break another rule too (information received that was never asked for); only one is about the date.
        var fout = Assert.Single(fouten, f => f.Melding.Contains("toekomst", StringComparison.Ordinal));
        Assert.Equal(mijlpaal.ToString(), fout.Veld);
        Assert.Contains("02-06-2026", fout.Melding);
        Assert.False(mijlpaal.MagInToekomst());
    }

    [Fact]
    public void Verlenging_in_de_toekomst_is_toegestaan()
    {
        var feiten = Statushouder((Mijlpaal.PipVastgesteld, "2026-03-15"), (Mijlpaal.TermijnVerlengdTot, "2030-01-01"));

        Assert.Empty(Controleer(feiten));
        Assert.True(Mijlpaal.TermijnVerlengdTot.MagInToekomst());
    }

    [Fact]
    public void Warme_overdracht_voor_koppeling_wordt_afgewezen()
    {
        var fouten = Controleer(Statushouder((Mijlpaal.Koppeling, "2026-01-20"), (Mijlpaal.WarmeOverdracht, "2026-01-10")));

        var fout = Assert.Single(fouten);
        Assert.Equal(nameof(Mijlpaal.WarmeOverdracht), fout.Veld);
        Assert.Contains("vóór", fout.Melding);
        Assert.Contains("10-01-2026", fout.Melding);
        Assert.Contains("20-01-2026", fout.Melding);
    }

    [Fact]
    public void Start_leerroute_voor_PIP_wordt_afgewezen()
    {
        var fouten = Controleer(Statushouder((Mijlpaal.PipVastgesteld, "2026-03-15"), (Mijlpaal.StartLeerroute, "2026-03-01")));

        Assert.Equal(nameof(Mijlpaal.StartLeerroute), Assert.Single(fouten).Veld);
    }

    [Theory]
    [InlineData(Mijlpaal.BredeIntake, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.Leerbaarheidstoets, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.PipVastgesteld, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.LaatsteVoortgangsgesprek, Mijlpaal.PipVastgesteld)]
    [InlineData(Mijlpaal.EindgesprekOfExamens, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.Verhuisd, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.Uitgeschreven, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Koppeling)]
    [InlineData(Mijlpaal.Ontheffing, Mijlpaal.Koppeling)]
    public void Mijlpaal_voor_zijn_voorganger_wordt_afgewezen(Mijlpaal later, Mijlpaal eerder)
    {
        var fouten = Controleer(Statushouder((eerder, "2026-03-15"), (later, "2026-03-14")));

        Assert.Equal(later.ToString(), Assert.Single(fouten).Veld);

        // One day later is fine.
        Assert.Empty(Controleer(Statushouder((eerder, "2026-03-15"), (later, "2026-03-15"))));
    }

    [Theory]
    [InlineData(Mijlpaal.BrpInschrijving)] // PIP may be set in the azc, before BRP
    [InlineData(Mijlpaal.BredeIntake)]
    public void PIP_voor_BRP_of_intake_is_geen_fout(Mijlpaal mijlpaal)
    {
        Assert.Empty(Controleer(Statushouder((Mijlpaal.PipVastgesteld, "2026-02-01"), (mijlpaal, "2026-03-01"))));
    }

    [Fact]
    public void Verlenging_zonder_PIP_wordt_afgewezen()
    {
        var fouten = Controleer(Statushouder((Mijlpaal.BrpInschrijving, "2026-02-01"), (Mijlpaal.TermijnVerlengdTot, "2029-09-15")));

        var fout = Assert.Single(fouten);
        Assert.Equal(nameof(Mijlpaal.TermijnVerlengdTot), fout.Veld);
        Assert.Contains("PIP", fout.Melding);
    }

    [Theory]
    [InlineData("2029-03-15")] // exactly the original end: no extension
    [InlineData("2028-01-01")] // before the original end
    [InlineData("2026-05-01")] // in the past
    public void Verlenging_niet_na_oorspronkelijk_einde_wordt_afgewezen(string verlengd)
    {
        var fouten = Controleer(Statushouder((Mijlpaal.PipVastgesteld, "2026-03-15"), (Mijlpaal.TermijnVerlengdTot, verlengd)));

        var fout = Assert.Single(fouten);
        Assert.Equal(nameof(Mijlpaal.TermijnVerlengdTot), fout.Veld);
        Assert.Contains("15-03-2029", fout.Melding);
    }

    [Fact]
    public void Verlenging_een_dag_na_oorspronkelijk_einde_is_toegestaan()
    {
        Assert.Empty(Controleer(Statushouder((Mijlpaal.PipVastgesteld, "2026-03-15"), (Mijlpaal.TermijnVerlengdTot, "2029-03-16"))));
    }

    [Fact]
    public void Verlenging_na_PIP_op_schrikkeldag_gaat_uit_van_28_februari()
    {
        // PIP 29-02-2024 + 3 years = 28-02-2027; 01-03-2027 is the first valid extension date.
        var pip = (Mijlpaal.PipVastgesteld, "2024-02-29");

        Assert.Single(Controleer(Statushouder(pip, (Mijlpaal.TermijnVerlengdTot, "2027-02-28"))));
        Assert.Empty(Controleer(Statushouder(pip, (Mijlpaal.TermijnVerlengdTot, "2027-03-01"))));
    }

    [Theory]
    [InlineData(Mijlpaal.Verhuisd, Mijlpaal.Uitgeschreven)]
    [InlineData(Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Ontheffing)]
    [InlineData(Mijlpaal.InburgeringsplichtVoldaan, Mijlpaal.Verhuisd)]
    public void Twee_afsluitende_mijlpalen_worden_afgewezen(Mijlpaal eerste, Mijlpaal tweede)
    {
        var fouten = Controleer(Statushouder((eerste, "2026-05-01"), (tweede, "2026-05-02")));

        var fout = Assert.Single(fouten);
        Assert.Equal(tweede.ToString(), fout.Veld);
        Assert.Contains(eerste.Omschrijving(), fout.Melding);
        Assert.Contains(tweede.Omschrijving(), fout.Melding);
    }

    [Fact]
    public void Een_afsluitende_mijlpaal_is_toegestaan()
    {
        Assert.Empty(Controleer(Consistent().Met(Mijlpaal.Verhuisd, D("2026-05-25"))));
    }

    [Fact]
    public void Geboortedatum_in_de_toekomst_wordt_afgewezen()
    {
        var fouten = Controleer(Statushouder() with { Geboortedatum = D("2026-06-02") });

        var fout = Assert.Single(fouten);
        Assert.Equal("Geboortedatum", fout.Veld);
        Assert.Contains("toekomst", fout.Melding);
    }

    [Fact]
    public void Mijlpaal_voor_de_geboortedatum_wordt_afgewezen()
    {
        var fouten = Controleer(Statushouder((Mijlpaal.Koppeling, "2010-01-01")) with { Geboortedatum = D("2010-06-01") });

        var fout = Assert.Single(fouten);
        Assert.Equal(nameof(Mijlpaal.Koppeling), fout.Veld);
        Assert.Contains("geboortedatum", fout.Melding);
    }

    [Fact]
    public void Meerdere_fouten_worden_allemaal_gemeld()
    {
        var feiten = Consistent()
            .Met(Mijlpaal.WarmeOverdracht, D("2026-01-01"))    // before koppeling
            .Met(Mijlpaal.BredeIntake, D("2026-07-01"))        // future
            .Met(Mijlpaal.Verhuisd, D("2026-05-25"))
            .Met(Mijlpaal.Uitgeschreven, D("2026-05-26"));     // second closing milestone

        var velden = Controleer(feiten).Select(f => f.Veld).ToList();

        Assert.Equal(3, velden.Count);
        Assert.Contains(nameof(Mijlpaal.WarmeOverdracht), velden);
        Assert.Contains(nameof(Mijlpaal.BredeIntake), velden);
        Assert.Contains(nameof(Mijlpaal.Uitgeschreven), velden);
    }

    [Fact]
    public void Controle_hangt_af_van_vandaag()
    {
        var feiten = Statushouder((Mijlpaal.Koppeling, "2026-06-10"));

        Assert.Single(MijlpaalRegels.Controleer(feiten, D("2026-06-09")));
        Assert.Empty(MijlpaalRegels.Controleer(feiten, D("2026-06-10")));
    }

    [Theory]
    [InlineData("Koppeling", true, Mijlpaal.Koppeling)]
    [InlineData("termijnverlengdtot", true, Mijlpaal.TermijnVerlengdTot)]
    [InlineData("999", false, default(Mijlpaal))]
    [InlineData("Geboorte", false, default(Mijlpaal))]
    [InlineData(null, false, default(Mijlpaal))]
    public void Mijlpaal_TryParse(string? invoer, bool gelukt, Mijlpaal verwacht)
    {
        Assert.Equal(gelukt, MijlpaalInfo.TryParse(invoer, out var mijlpaal));
        if (gelukt) Assert.Equal(verwacht, mijlpaal);
    }
}
