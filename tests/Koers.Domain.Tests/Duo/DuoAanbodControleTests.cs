using Koers.Domain.Duo;

namespace Koers.Domain.Tests.Duo;

/// <summary>DUO's rules for an inburgeringsaanbod (Wi2021 art. 16; README, Inburgeringsaanbod), each with its field and source.</summary>
public sealed class DuoAanbodControleTests
{
    private static readonly DateOnly Pip = new(2026, 6, 15);

    private static AanbodFeiten Feiten(DateOnly? aanbod = null, DateOnly? start = null, DateOnly? einde = null, bool asiel = true, bool metPip = true, string? nummer = "1000000001") =>
        new(asiel, metPip ? Pip : null, nummer, aanbod ?? Pip, start, einde);

    [Fact]
    public void Een_aanbod_op_of_na_de_dagtekening_bij_een_instelling_met_nummer_wordt_aangenomen()
    {
        Assert.Empty(DuoAanbodControle.Controleer(Feiten()));
        Assert.Empty(DuoAanbodControle.Controleer(Feiten(new DateOnly(2026, 6, 16), new DateOnly(2026, 7, 1), new DateOnly(2027, 7, 1))));
    }

    [Theory]
    [InlineData("aanbod", "DatumAanbod")]
    [InlineData("start", "VerwachteStart")]
    [InlineData("einde", "VerwachteEinde")]
    public void Geen_datum_voor_de_dagtekening_van_het_PIP(string welke, string veld)
    {
        var vroeg = Pip.AddDays(-1);
        var f = welke switch
        {
            "aanbod" => Feiten(aanbod: vroeg),
            "start" => Feiten(start: vroeg),
            _ => Feiten(einde: vroeg),
        };
        var fout = Assert.Single(DuoAanbodControle.Controleer(f), x => x.Bron == DuoAanbodControle.NietVoorPip);
        Assert.Equal(veld, fout.Veld);
        Assert.Contains("15-06-2026", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void Alleen_voor_een_asielmigrant_met_PIP_bij_een_instelling_met_DUO_nummer()
    {
        Assert.Equal(DuoAanbodControle.Asielmigrant, Assert.Single(DuoAanbodControle.Controleer(Feiten(asiel: false))).Bron);
        Assert.Equal(DuoAanbodControle.HeeftPip, Assert.Single(DuoAanbodControle.Controleer(Feiten(metPip: false))).Bron);
        Assert.Equal(DuoAanbodControle.Keurmerk, Assert.Single(DuoAanbodControle.Controleer(Feiten(nummer: null))).Bron);
        Assert.Equal(DuoAanbodControle.Keurmerk, Assert.Single(DuoAanbodControle.Controleer(Feiten(nummer: "12345"))).Bron);
        Assert.Equal("VerwachteEinde", Assert.Single(DuoAanbodControle.Controleer(Feiten(start: new DateOnly(2026, 9, 1), einde: new DateOnly(2026, 9, 1)))).Veld);
    }

    [Fact]
    public void De_grondslag_noemt_eerst_de_wet()
    {
        Assert.StartsWith("Wet inburgering 2021", DuoAanbodControle.Grondslag.Source, StringComparison.Ordinal);
        Assert.Contains("art. 16 lid 1", DuoAanbodControle.Grondslag.Reference, StringComparison.Ordinal);
        Assert.StartsWith("Wet inburgering 2021", DuoAanbodControle.Keurmerk.Source, StringComparison.Ordinal);
    }
}
