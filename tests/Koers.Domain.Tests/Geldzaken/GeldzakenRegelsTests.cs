using Koers.Domain.Geldzaken;
using Koers.Domain.Ontzorgen;

namespace Koers.Domain.Tests.Geldzaken;

public class InrichtingskredietRegelsTests
{
    private static readonly DateOnly Vandaag = new(2026, 6, 16);

    [Fact]
    public void Zonder_huisvesting_loopt_er_geen_termijn()
    {
        var stand = InrichtingskredietRegels.Bereken(new KredietFeiten { AangevraagdOp = new(2026, 6, 1) }, 14, Vandaag);
        Assert.Equal(KredietStatus.Aangevraagd, stand.Status);
        Assert.Null(stand.Uiterlijk);
        Assert.False(stand.TermijnVerstreken);
        Assert.Contains("huisvesting is nog niet vastgelegd", stand.Toelichting);
    }

    [Theory]
    [InlineData(14, "2026-06-02", "2026-06-16", 0, false)] // the last day itself is still in time
    [InlineData(14, "2026-06-01", "2026-06-15", -1, true)]
    [InlineData(21, "2026-06-01", "2026-06-22", 6, false)] // the municipality's own term counts
    public void Termijn_loopt_vanaf_huisvesting_met_de_dagen_van_de_gemeente(int dagen, string huisvesting, string uiterlijk, int resterend, bool verstreken)
    {
        var stand = InrichtingskredietRegels.Bereken(new KredietFeiten { HuisvestingOp = DateOnly.Parse(huisvesting, System.Globalization.CultureInfo.InvariantCulture) }, dagen, Vandaag);
        Assert.Equal(DateOnly.Parse(uiterlijk, System.Globalization.CultureInfo.InvariantCulture), stand.Uiterlijk);
        Assert.Equal(resterend, stand.DagenResterend);
        Assert.Equal(verstreken, stand.TermijnVerstreken);
        Assert.Equal(BronGeldzaken.InrichtingskredietTweeWeken, stand.Bron);
    }

    [Fact]
    public void Uitbetaald_is_nooit_te_laat_op_de_werkvoorraad_maar_de_uitleg_noemt_de_dagen()
    {
        var laat = InrichtingskredietRegels.Bereken(new KredietFeiten
        {
            HuisvestingOp = new(2026, 5, 1), AangevraagdOp = new(2026, 5, 1), ToegekendOp = new(2026, 5, 10), ToegekendBedrag = 2500m,
            UitbetaaldOp = new(2026, 5, 20), UitbetaaldBedrag = 2500m,
        }, 14, Vandaag);
        Assert.Equal(KredietStatus.Uitbetaald, laat.Status);
        Assert.False(laat.TermijnVerstreken);
        Assert.Contains("5 dag(en) na het einde van de termijn (15-05-2026)", laat.Toelichting);
    }

    [Fact]
    public void Stappen_in_volgorde_met_bedragen_en_niet_in_de_toekomst()
    {
        var fouten = InrichtingskredietRegels.Controleer(new KredietFeiten
        {
            HuisvestingOp = new(2026, 6, 20), ToegekendOp = new(2026, 6, 1), UitbetaaldOp = new(2026, 5, 30), UitbetaaldBedrag = 3000m, ToegekendBedrag = 2000m,
        }, Vandaag);
        var velden = fouten.Select(f => f.Veld).ToList();
        Assert.Contains("HuisvestingOp", velden); // future
        Assert.Contains("AangevraagdOp", velden); // granted without application
        Assert.Contains("UitbetaaldOp", velden); // paid before granted
        Assert.Contains(fouten, f => f.Veld == "UitbetaaldBedrag" && f.Melding.Contains("meer uitbetaald dan toegekend", StringComparison.Ordinal));
        Assert.Empty(InrichtingskredietRegels.Controleer(new KredietFeiten
        {
            HuisvestingOp = new(2026, 6, 1), AangevraagdOp = new(2026, 6, 1), ToegekendOp = new(2026, 6, 5), ToegekendBedrag = 2750.50m,
            UitbetaaldOp = new(2026, 6, 8), UitbetaaldBedrag = 1000m,
        }, Vandaag));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(14, true)]
    [InlineData(91, false)]
    public void Termijn_in_dagen(int? dagen, bool goed) => Assert.Equal(goed, InrichtingskredietRegels.ControleerTermijn(dagen) is null);
}

public class MaandoverzichtRegelsTests
{
    private static readonly Guid Huur = Guid.NewGuid();
    private static readonly Guid Energie = Guid.NewGuid();

    private static readonly VasteLast[] Lasten =
    [
        new(Huur, Begunstigde.Verhuurder, "Woonstichting", null, 620m, null, null),
        new(Energie, Begunstigde.Energieleverancier, "Energie BV", null, 150m, null, null),
    ];

    // 15 June to 14 December 2026.
    private static readonly OntzorgenPeriode Periode = new(new(2026, 6, 15), new(2026, 12, 14), new(2026, 12, 14), null, null);

    [Fact]
    public void Eerste_maand_naar_rato_en_restant_van_de_netto_bijstand()
    {
        var o = MaandoverzichtRegels.Maak(new(2026, 6, 1), Periode, Lasten, [], 1300m);
        // 16 of 30 days: 620 * 16 / 30 = 330.67 and 150 * 16 / 30 = 80.00.
        Assert.Equal([330.67m, 80.00m], o.Regels.Select(r => r.Bedrag));
        Assert.All(o.Regels, r => Assert.False(r.Betaald));
        Assert.Equal(410.67m, o.Totaal);
        Assert.Equal(889.33m, o.Restant);
        Assert.Equal(new DateOnly(2026, 12, 14), o.OntzorgenTot);
        Assert.True(o.OntzorgenLoopt);
        Assert.Equal(BronGeldzaken.MaandelijkseSpecificatie, o.Bron);
    }

    [Fact]
    public void Wat_een_betaalrun_betaalde_gaat_voor_het_geplande_bedrag()
    {
        var betaald = new[] { new BetaaldeLast(Huur, Begunstigde.Verhuurder, "Woonstichting (oud IBAN)", 600m, new(2026, 7, 1), new(2026, 7, 31)) };
        var o = MaandoverzichtRegels.Maak(new(2026, 7, 1), Periode, Lasten, betaald, null);
        Assert.Equal(2, o.Regels.Count);
        Assert.Contains(o.Regels, r => r.Betaald && r.Bedrag == 600m && r.Aan == "Woonstichting (oud IBAN)");
        Assert.Contains(o.Regels, r => !r.Betaald && r.Bedrag == 150m);
        Assert.Equal(750m, o.Totaal);
        Assert.Null(o.Restant);
    }

    [Fact]
    public void Na_het_einde_niets_meer_en_geen_lopend_ontzorgen()
    {
        var o = MaandoverzichtRegels.Maak(new(2027, 1, 1), Periode, Lasten, [], 1300m);
        Assert.True(o.Leeg);
        Assert.Equal(0m, o.Totaal);
        Assert.Equal(1300m, o.Restant);
        Assert.False(o.OntzorgenLoopt);
    }

    [Fact]
    public void Hogere_lasten_dan_bijstand_geven_een_negatief_restant()
    {
        var o = MaandoverzichtRegels.Maak(new(2026, 8, 1), Periode, Lasten, [], 700m);
        Assert.Equal(-70m, o.Restant);
    }
}
