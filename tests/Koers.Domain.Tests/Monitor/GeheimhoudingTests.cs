using Koers.Domain.Monitor;

namespace Koers.Domain.Tests.Monitor;

public class GeheimhoudingTests
{
    /// <summary>
    /// A two-way table with a total column and a total row, cells numbered row by row: interior r×k, then the
    /// totals. Returns all counts and the row, column and grand-total relations.
    /// </summary>
    private static (int[] Aantallen, List<Som> Sommen) Tabel(int[,] binnen)
    {
        var (r, k) = (binnen.GetLength(0), binnen.GetLength(1));
        int Cel(int i, int j) => i * (k + 1) + j;
        var aantallen = new int[(r + 1) * (k + 1)];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < k; j++)
            {
                aantallen[Cel(i, j)] = binnen[i, j];
                aantallen[Cel(i, k)] += binnen[i, j];
                aantallen[Cel(r, j)] += binnen[i, j];
                aantallen[Cel(r, k)] += binnen[i, j];
            }
        }

        var sommen = new List<Som>();
        for (var i = 0; i <= r; i++) sommen.Add(new([.. Enumerable.Range(0, k).Select(j => Cel(i, j))], Cel(i, k)));
        for (var j = 0; j <= k; j++) sommen.Add(new([.. Enumerable.Range(0, r).Select(i => Cel(i, j))], Cel(r, j)));
        return (aantallen, sommen);
    }

    /// <summary>
    /// An attacker independent of the algorithm: tries every whole-number value for the hidden cells (within what
    /// "&lt;5" and "x" tell) and keeps the combinations that satisfy every relation. A hidden cell is exposed when it
    /// takes one value only in all of them. Feasible for small tables only.
    /// </summary>
    private static List<int> DoorProberen(int[] aantallen, Onthulling[] staat, List<Som> sommen, int grens)
    {
        var verborgen = Enumerable.Range(0, aantallen.Length).Where(i => staat[i] != Onthulling.Zichtbaar).ToList();
        // A reader has no upper bound for an "x"; twice the largest count stands in for "unbounded" here (a bound as
        // low as the largest count would itself give cells away that a reader cannot work out).
        var max = 2 * aantallen.Max() + grens;
        var waarden = verborgen.ToDictionary(c => c, _ => new HashSet<int>());
        var poging = (int[])aantallen.Clone();

        // A relation is checked as soon as its last hidden cell has a value, which prunes the search early.
        int Laatste(Som s) => s.Cellen.Select(c => verborgen.IndexOf(c)).Max();
        var klaarNa = verborgen.Select((_, n) => sommen.Where(s => Laatste(s) == n).ToList()).ToList();

        void Probeer(int n)
        {
            if (n == verborgen.Count)
            {
                foreach (var c in verborgen) waarden[c].Add(poging[c]);
                return;
            }

            var cel = verborgen[n];
            var (van, tot) = staat[cel] == Onthulling.Primair ? (1, grens - 1) : (grens, max);
            for (var v = van; v <= tot; v++)
            {
                poging[cel] = v;
                if (klaarNa[n].All(s => s.Delen.Sum(d => poging[d]) == poging[s.Totaal])) Probeer(n + 1);
            }
        }

        Probeer(0);
        return verborgen.Where(c => waarden[c].Count <= 1).ToList();
    }

    [Fact]
    public void Een_verborgen_cel_in_een_rij_met_zichtbaar_totaal_krijgt_een_tweede()
    {
        // 3 + 9 = 12: without a second hidden cell 12 - 9 gives the 3 away.
        var (a, s) = Tabel(new[,] { { 3, 9 }, { 6, 7 } });
        var staat = Geheimhouding.Bepaal(a, s);

        Assert.Equal(Onthulling.Primair, staat[0]);
        Assert.Contains(staat, x => x == Onthulling.Secundair);
        Assert.Empty(Geheimhouding.Blootgesteld(a, staat, s));
        Assert.Empty(DoorProberen(a, staat, s, 5));
    }

    [Fact]
    public void Twee_keer_kleiner_dan_vijf_met_een_totaal_van_acht_is_vier_en_vier()
    {
        // One row, two parts, a total: binnen/buiten 10 weken with a visible total of 8.
        var aantallen = new[] { 4, 4, 8 };
        var sommen = new List<Som> { new([0, 1], 2) };
        var alleenPrimair = new[] { Onthulling.Primair, Onthulling.Primair, Onthulling.Zichtbaar };

        // The naive rule (two hidden cells per relation) is not enough: the bounds pin both to 4.
        Assert.Equal([0, 1], Geheimhouding.Blootgesteld(aantallen, alleenPrimair, sommen));
        Assert.Equal([0, 1], DoorProberen(aantallen, alleenPrimair, sommen, 5));

        var staat = Geheimhouding.Bepaal(aantallen, sommen);
        Assert.Equal(Onthulling.Secundair, staat[2]);
        Assert.Empty(Geheimhouding.Blootgesteld(aantallen, staat, sommen));
    }

    [Fact]
    public void Een_x_van_minstens_vijf_naast_een_klein_aantal_verraadt_het_niet()
    {
        // 1 + 5 = 6: a reader who knows that x is at least 5 gets 1 from 6 - 5.
        var aantallen = new[] { 1, 5, 6, 20, 20, 40 };
        var sommen = new List<Som> { new([0, 1], 2), new([3, 4], 5) };
        var staat = Geheimhouding.Bepaal(aantallen, sommen);

        Assert.Empty(Geheimhouding.Blootgesteld(aantallen, staat, sommen));
        Assert.Empty(DoorProberen(aantallen, staat, sommen, 5));
        Assert.Equal(Onthulling.Secundair, staat[2]);
    }

    [Fact]
    public void Een_maand_volgt_niet_uit_het_jaartotaal_min_de_andere_maanden()
    {
        var maanden = new[] { 10, 12, 3, 9, 0, 7, 8, 11, 6, 5, 9, 10 };
        var aantallen = maanden.Append(maanden.Sum()).ToArray();
        var sommen = new List<Som> { new([.. Enumerable.Range(0, 12)], 12) };
        var staat = Geheimhouding.Bepaal(aantallen, sommen);

        Assert.Equal(Onthulling.Primair, staat[2]);
        Assert.Equal(Onthulling.Secundair, staat[9]); // the smallest other month (5), not the year total
        Assert.Equal(Onthulling.Zichtbaar, staat[12]);
        Assert.Empty(Geheimhouding.Blootgesteld(aantallen, staat, sommen));
    }

    [Fact]
    public void Dezelfde_figuur_in_twee_tabellen_wordt_op_beide_plaatsen_beschermd()
    {
        // Table 1: 2 + 30 = 32. Table 2 shows the same 30 (cell 3) next to 10 = 40 (cells 3, 4, 5).
        var aantallen = new[] { 2, 30, 32, 30, 10, 40 };
        var sommen = new List<Som> { new([0, 1], 2), new([3, 4], 5), Som.Gelijk(1, 3) };
        var staat = Geheimhouding.Bepaal(aantallen, sommen);

        Assert.Empty(Geheimhouding.Blootgesteld(aantallen, staat, sommen));
        Assert.Empty(DoorProberen(aantallen, staat, sommen, 5));
    }

    [Fact]
    public void Vier_keer_kleiner_dan_vijf_in_een_kring_met_totalen_van_twee_is_vier_keer_een()
    {
        // Every row and column with a hidden cell has two hidden cells (the textbook rule holds), yet 1+1=2 everywhere:
        // the bounds (at least 1) pin each "<5" to 1.
        var aantallen = new[] { 1, 1, 2, 1, 1, 2, 2, 2, 4 };
        var sommen = new List<Som> { new([0, 1], 2), new([3, 4], 5), new([6, 7], 8), new([0, 3], 6), new([1, 4], 7), new([2, 5], 8) };
        var staat = new[] { Onthulling.Primair, Onthulling.Primair, Onthulling.Zichtbaar, Onthulling.Primair, Onthulling.Primair, Onthulling.Zichtbaar, Onthulling.Zichtbaar, Onthulling.Zichtbaar, Onthulling.Zichtbaar };

        Assert.Equal([0, 1, 3, 4], Geheimhouding.Blootgesteld(aantallen, staat, sommen));
        Assert.Equal([0, 1, 3, 4], DoorProberen(aantallen, staat, sommen, 5));
    }

    [Fact]
    public void Alleen_de_sommen_bepalen_een_cel_die_op_geen_kring_ligt()
    {
        // a + b = 30, b + c = 32 and c + d = 20 with only a, b, c hidden: every relation holds two hidden cells or
        // one, and the chain gives c = 20 - 8, then b, then a. The rank test finds all three.
        var aantallen = new[] { 10, 20, 30, 20, 12, 32, 12, 8, 20 };
        var sommen = new List<Som> { new([0, 1], 2), new([1, 4], 5), new([4, 7], 8) };
        var staat = new[] { Onthulling.Secundair, Onthulling.Secundair, Onthulling.Zichtbaar, Onthulling.Zichtbaar, Onthulling.Secundair, Onthulling.Zichtbaar, Onthulling.Zichtbaar, Onthulling.Zichtbaar, Onthulling.Zichtbaar };

        Assert.Equal([0, 1, 4], Geheimhouding.Blootgesteld(aantallen, staat, sommen));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Willekeurige_kleine_tabellen_houden_geen_verborgen_cel_over_die_te_berekenen_is(int zaad)
    {
        var toeval = new Random(zaad);
        for (var n = 0; n < 40; n++)
        {
            // Mostly small numbers, so that many cells are primary and the pattern gets tight.
            var binnen = new int[2, 3];
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 3; j++) binnen[i, j] = toeval.Next(0, 3) == 0 ? 0 : toeval.Next(1, 9);
            }

            var (a, s) = Tabel(binnen);
            var staat = Geheimhouding.Bepaal(a, s);
            for (var i = 0; i < a.Length; i++)
            {
                Assert.Equal(KleineAantallen.Verbergen(a[i]), staat[i] == Onthulling.Primair);
                if (staat[i] == Onthulling.Secundair) Assert.True(a[i] >= 5, $"x op een aantal onder 5: {a[i]}");
            }

            if (staat.Count(x => x != Onthulling.Zichtbaar) <= 8)
            {
                Assert.True(DoorProberen(a, staat, s, 5).Count == 0, $"te berekenen in [{string.Join(",", a)}] / [{string.Join(",", staat)}]");
            }

            Assert.Empty(Geheimhouding.Blootgesteld(a, staat, s));
        }
    }

    [Fact]
    public void De_grens_is_instelbaar()
    {
        var aantallen = new[] { 7, 30, 37 };
        var sommen = new List<Som> { new([0, 1], 2) };

        Assert.All(Geheimhouding.Bepaal(aantallen, sommen), x => Assert.Equal(Onthulling.Zichtbaar, x));
        var staat = Geheimhouding.Bepaal(aantallen, sommen, grens: 10);
        Assert.Equal(Onthulling.Primair, staat[0]);
        Assert.Empty(Geheimhouding.Blootgesteld(aantallen, staat, sommen, grens: 10));
    }
    [Fact]
    public void Een_groep_gekoppelde_aantallen_wordt_beslist_op_eigen_getallen_los_van_de_rest()
    {
        // The same stages table appears in every period's view next to other tables: its hiding may not depend on them,
        // or a reader could set one period's choice against another's (issue #24).
        // Found by a random search: with the other table numbered first, deciding both at once chose differently for A.
        var (a, sa) = Tabel(new[,] { { 0, 6, 2 }, { 3, 0, 8 }, { 0, 3, 3 } });
        var (b, sb) = Tabel(new[,] { { 0, 0, 5 }, { 2, 8, 0 }, { 1, 0, 8 } });
        var eigen = Geheimhouding.Bepaal(a, sa);
        var samen = Geheimhouding.Bepaal([.. b, .. a], [.. sb, .. sa.Select(s => new Som([.. s.Delen.Select(d => d + b.Length)], s.Totaal + b.Length))]);
        Assert.Equal(eigen, samen.AsSpan(b.Length).ToArray());
        Assert.Equal(Geheimhouding.Bepaal(b, sb), samen.AsSpan(0, b.Length).ToArray());
        Assert.Contains(Onthulling.Secundair, eigen);
    }
}
