namespace Koers.Domain.Monitor;

/// <summary>How a count is published: its number, "&lt;5" (primary) or "x" (secondary).</summary>
public enum Onthulling
{
    Zichtbaar,

    /// <summary>A count of 1 up to the threshold: it could point to a person.</summary>
    Primair,

    /// <summary>A larger count hidden because otherwise a primary one could be worked out from the rest.</summary>
    Secundair,

    /// <summary>
    /// Withheld with the related counts, zeros and small ones alike, because no larger count is left to hide: a reader
    /// then no longer knows that any of them is at least 1 (e.g. four "&lt;5" routes under a total "&lt;5" pin each
    /// other down, since every "&lt;5" is at least 1).
    /// </summary>
    Ingetrokken,
}

/// <summary>A linear relation between published counts: the parts add up to the total.</summary>
public sealed record Som(IReadOnlyList<int> Delen, int Totaal)
{
    public IEnumerable<int> Cellen => Delen.Append(Totaal);

    /// <summary>Two cells that are the same number (the same figure in two tables).</summary>
    public static Som Gelijk(int a, int b) => new([a], b);
}

/// <summary>
/// Statistical disclosure control for a set of related tables of counts, as CBS and Eurostat practise it
/// (Hundepool et al., Handbook on Statistical Disclosure Control, ch. 4; CBS τ-ARGUS): first primary suppression of
/// every count from 1 up to the threshold, then secondary (complementary) suppression until no hidden count can be
/// worked out from what is shown.
///
/// What a reader knows is modelled strictly, because Koers is open source and its rules are public: every relation
/// (row sums, column sums, the same figure in two tables, months against the period), that a "&lt;5" lies in
/// 1..threshold-1 and that an "x" is at least the threshold (only shown counts of that size are chosen). A hidden
/// count is exposed when it follows from the relations alone (linear algebra: its unit vector lies in the row space
/// of the relations over the hidden cells) or when the bounds pin it to one value (interval propagation: "&lt;5" and
/// "&lt;5" with a total of 8 is 4 and 4). While a cell is exposed, the smallest shown count in one of its relations is
/// hidden as well: the least information lost, the same choice every time for the same figures.
/// </summary>
public static class Geheimhouding
{
    /// <summary>Decides for each count whether it is shown, hidden as small, or hidden to protect a small one.</summary>
    /// <param name="aantallen">The counts, indexed as in <paramref name="sommen"/>.</param>
    /// <param name="sommen">Every relation a reader knows between the counts.</param>
    /// <param name="grens">Counts from 1 to grens-1 are hidden (per municipality configurable; default 5).</param>
    /// <remarks>
    /// Decided per group of counts linked by relations, each group on its own numbers only. So a group that recurs in
    /// other views with the same numbers (the stages "stand van vandaag" in every period) is hidden the same way there,
    /// and a reader cannot set one view's choice against another's. It also keeps each exposure test small.
    /// </remarks>
    public static Onthulling[] Bepaal(IReadOnlyList<int> aantallen, IReadOnlyList<Som> sommen, int grens = KleineAantallen.Grens)
    {
        ArgumentNullException.ThrowIfNull(aantallen);
        ArgumentNullException.ThrowIfNull(sommen);
        var staat = new Onthulling[aantallen.Count];
        foreach (var (cellen, eigen) in Groepen(aantallen.Count, sommen))
        {
            var index = cellen.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var deel = BepaalGroep([.. cellen.Select(c => aantallen[c])], [.. eigen.Select(s => new Som([.. s.Delen.Select(d => index[d])], index[s.Totaal]))], grens);
            for (var i = 0; i < cellen.Count; i++) staat[cellen[i]] = deel[i];
        }

        return staat;
    }

    /// <summary>The cells linked by relations, in ascending order, with their relations (a cell in none is a group of one).</summary>
    private static IEnumerable<(List<int> Cellen, List<Som> Sommen)> Groepen(int aantal, IReadOnlyList<Som> sommen)
    {
        var ouder = Enumerable.Range(0, aantal).ToArray();
        int Wortel(int x)
        {
            while (ouder[x] != x) x = ouder[x] = ouder[ouder[x]];
            return x;
        }

        foreach (var s in sommen)
        {
            foreach (var c in s.Delen) ouder[Wortel(c)] = Wortel(s.Totaal);
        }

        var perWortel = Enumerable.Range(0, aantal).GroupBy(Wortel).ToDictionary(g => g.Key, g => (Cellen: g.ToList(), Sommen: new List<Som>()));
        foreach (var s in sommen) perWortel[Wortel(s.Totaal)].Sommen.Add(s);
        return perWortel.Values.OrderBy(g => g.Cellen[0]).Select(g => (g.Cellen, g.Sommen));
    }

    private static Onthulling[] BepaalGroep(IReadOnlyList<int> aantallen, IReadOnlyList<Som> sommen, int grens)
    {
        var staat = aantallen.Select(a => KleineAantallen.Verbergen(a, grens) ? Onthulling.Primair : Onthulling.Zichtbaar).ToArray();
        var perCel = PerCel(aantallen.Count, sommen);

        // Each round moves a cell up (shown, hidden, withheld), so this ends after at most twice as many rounds as cells.
        for (var ronde = 0; ronde <= 2 * aantallen.Count + 1; ronde++)
        {
            var bloot = Blootgesteld(aantallen, staat, sommen, grens);
            if (bloot.Count == 0) return staat;

            // One cell for each exposed cell whose relations nothing hid yet this round: many at once, because a round
            // (the exposure test) is the expensive part, e.g. over a region and all its municipalities together. An
            // exposed cell in a relation that just changed waits for the next round's test.
            var gekozen = new HashSet<int>();
            foreach (var b in bloot)
            {
                if (perCel[b].Any(s => sommen[s].Cellen.Any(gekozen.Contains))) continue;
                if (Beste(perCel[b].Select(s => sommen[s]), aantallen, staat) is { } eigen)
                {
                    staat[eigen] = Onthulling.Secundair;
                    gekozen.Add(eigen);
                }
            }

            if (gekozen.Count > 0) continue;
            if (Kandidaat(bloot, aantallen, staat, sommen, perCel) is { } k)
            {
                staat[k] = Onthulling.Secundair;
                continue;
            }

            // Nothing large is left to hide: withhold the counts in the relations of the first exposed cell, zeros and
            // small ones alike, so a reader no longer knows that any of them is at least 1 (four "<5" municipalities
            // under a region's "<5" are 1 each). Only when those are all withheld already, the whole group linked to it.
            var rond = perCel[bloot[0]].SelectMany(s => sommen[s].Cellen).Append(bloot[0]).Where(c => staat[c] != Onthulling.Ingetrokken).ToList();
            if (rond.Count > 0)
            {
                foreach (var c in rond) staat[c] = Onthulling.Ingetrokken;
                continue;
            }

            var groep = Groep(bloot, sommen, perCel);
            if (groep.All(g => staat[g] == Onthulling.Ingetrokken)) return staat;
            foreach (var g in groep) staat[g] = Onthulling.Ingetrokken;
        }

        return staat;
    }

    /// <summary>
    /// The hidden cells a reader can work out exactly from the shown ones, the relations and the bounds: determined by
    /// the relations (linear algebra) or pinned to a single value by the bounds.
    /// </summary>
    public static IReadOnlyList<int> Blootgesteld(IReadOnlyList<int> aantallen, IReadOnlyList<Onthulling> staat, IReadOnlyList<Som> sommen, int grens = KleineAantallen.Grens)
    {
        ArgumentNullException.ThrowIfNull(aantallen);
        ArgumentNullException.ThrowIfNull(staat);
        ArgumentNullException.ThrowIfNull(sommen);
        var verborgen = Enumerable.Range(0, staat.Count).Where(i => staat[i] != Onthulling.Zichtbaar).ToList();
        if (verborgen.Count == 0) return [];
        var bloot = new SortedSet<int>(BepaaldDoorSommen(verborgen, staat, sommen));
        foreach (var (cel, (laag, hoog)) in Grenzen(aantallen, staat, sommen, grens))
        {
            if (laag >= hoog) bloot.Add(cel);
        }

        // A withheld zero that the relations fix tells a reader "nobody": that discloses no one.
        bloot.RemoveWhere(c => staat[c] == Onthulling.Ingetrokken && aantallen[c] == 0);
        return [.. bloot];
    }

    /// <summary>What a reader knows of a hidden cell before looking at any relation.</summary>
    public static (double Laag, double Hoog) Vooraf(Onthulling staat, int grens) => staat switch
    {
        Onthulling.Primair => (1, grens - 1),
        Onthulling.Secundair => (grens, double.PositiveInfinity),
        Onthulling.Ingetrokken => (0, double.PositiveInfinity),
        _ => throw new ArgumentOutOfRangeException(nameof(staat)),
    };

    /// <summary>
    /// Bounds of each hidden cell after propagating the relations: a part lies between the total's bounds minus the
    /// other parts' bounds, a total between the sums of its parts' bounds; repeated until nothing narrows.
    /// </summary>
    public static IReadOnlyDictionary<int, (double Laag, double Hoog)> Grenzen(IReadOnlyList<int> aantallen, IReadOnlyList<Onthulling> staat, IReadOnlyList<Som> sommen, int grens = KleineAantallen.Grens)
    {
        ArgumentNullException.ThrowIfNull(aantallen);
        ArgumentNullException.ThrowIfNull(staat);
        ArgumentNullException.ThrowIfNull(sommen);
        var laag = new double[aantallen.Count];
        var hoog = new double[aantallen.Count];
        for (var i = 0; i < aantallen.Count; i++)
        {
            (laag[i], hoog[i]) = staat[i] == Onthulling.Zichtbaar ? (aantallen[i], aantallen[i]) : Vooraf(staat[i], grens);
        }

        // Bounds only narrow by whole numbers and always hold the true value, so this ends; the cap guards odd input.
        for (var (veranderd, rondes) = (true, 0); veranderd && rondes < 10_000; rondes++)
        {
            veranderd = false;
            foreach (var som in sommen)
            {
                // Sums once per relation (linear in its size, for tables with hundreds of rows). Bounds narrowed while
                // going through the parts stay valid bounds, so using the sums from before is sound; the next round
                // picks up the rest.
                var lDelen = som.Delen.Sum(d => laag[d]);
                var hEindig = som.Delen.Where(d => !double.IsPositiveInfinity(hoog[d])).Sum(d => hoog[d]);
                var hOneindig = som.Delen.Count(d => double.IsPositiveInfinity(hoog[d]));
                veranderd |= Vernauw(som.Totaal, lDelen, hOneindig > 0 ? double.PositiveInfinity : hEindig);
                foreach (var d in som.Delen)
                {
                    // The other parts' bounds, without this part (an infinite sum cannot be subtracted from).
                    var lAnder = lDelen - laag[d];
                    var eigenOneindig = double.IsPositiveInfinity(hoog[d]) ? 1 : 0;
                    var hAnder = hOneindig - eigenOneindig > 0 ? double.PositiveInfinity : hEindig - (eigenOneindig == 1 ? 0 : hoog[d]);
                    veranderd |= Vernauw(d, laag[som.Totaal] - hAnder, hoog[som.Totaal] - lAnder);
                }
            }
        }

        return Enumerable.Range(0, aantallen.Count).Where(i => staat[i] != Onthulling.Zichtbaar).ToDictionary(i => i, i => (laag[i], hoog[i]));

        bool Vernauw(int cel, double l, double h)
        {
            if (staat[cel] == Onthulling.Zichtbaar) return false;
            var nieuwL = Math.Max(laag[cel], Math.Ceiling(l));
            var nieuwH = Math.Min(hoog[cel], Math.Floor(h));
            if (nieuwL <= laag[cel] && nieuwH >= hoog[cel]) return false;
            (laag[cel], hoog[cel]) = (nieuwL, nieuwH);
            return true;
        }
    }

    /// <summary>
    /// Hidden cells whose value follows from the relations alone: reduce the relations (restricted to the hidden cells)
    /// to row echelon form; a cell is determined when some reduced row has its only non-zero coefficient there.
    /// </summary>
    private static IEnumerable<int> BepaaldDoorSommen(IReadOnlyList<int> verborgen, IReadOnlyList<Onthulling> staat, IReadOnlyList<Som> sommen)
    {
        var kolom = verborgen.Select((cel, i) => (cel, i)).ToDictionary(x => x.cel, x => x.i);
        var rijen = new List<double[]>();
        foreach (var som in sommen)
        {
            var rij = new double[verborgen.Count];
            foreach (var d in som.Delen.Where(d => staat[d] != Onthulling.Zichtbaar)) rij[kolom[d]] += 1;
            if (staat[som.Totaal] != Onthulling.Zichtbaar) rij[kolom[som.Totaal]] -= 1;
            if (rij.Any(x => x != 0)) rijen.Add(rij);
        }

        const double Eps = 1e-9;
        var pivotRij = 0;
        for (var k = 0; k < verborgen.Count && pivotRij < rijen.Count; k++)
        {
            var p = Enumerable.Range(pivotRij, rijen.Count - pivotRij).OrderByDescending(r => Math.Abs(rijen[r][k])).First();
            if (Math.Abs(rijen[p][k]) < Eps) continue;
            (rijen[p], rijen[pivotRij]) = (rijen[pivotRij], rijen[p]);
            var pivot = rijen[pivotRij][k];
            for (var j = 0; j < verborgen.Count; j++) rijen[pivotRij][j] /= pivot;
            for (var r = 0; r < rijen.Count; r++)
            {
                if (r == pivotRij || Math.Abs(rijen[r][k]) < Eps) continue;
                var factor = rijen[r][k];
                for (var j = 0; j < verborgen.Count; j++) rijen[r][j] -= factor * rijen[pivotRij][j];
            }

            pivotRij++;
        }

        foreach (var rij in rijen.Take(pivotRij))
        {
            var nietNul = Enumerable.Range(0, verborgen.Count).Where(j => Math.Abs(rij[j]) > Eps).ToList();
            if (nietNul.Count == 1) yield return verborgen[nietNul[0]];
        }
    }

    /// <summary>All cells connected to <paramref name="start"/> through relations that hold a hidden cell.</summary>
    private static HashSet<int> Groep(IEnumerable<int> start, IReadOnlyList<Som> sommen, List<int>[] perCel)
    {
        var groep = new HashSet<int>(start);
        var rij = new Queue<int>(groep);
        while (rij.TryDequeue(out var cel))
        {
            foreach (var c in perCel[cel].SelectMany(s => sommen[s].Cellen).Where(groep.Add)) rij.Enqueue(c);
        }

        return groep;
    }

    private static List<int>[] PerCel(int aantal, IReadOnlyList<Som> sommen)
    {
        var perCel = Enumerable.Range(0, aantal).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < sommen.Count; s++)
        {
            foreach (var c in sommen[s].Cellen) perCel[c].Add(s);
        }

        return perCel;
    }

    /// <summary>
    /// The cell to hide next: the smallest shown non-zero count in a relation of the first exposed cell (parts before
    /// totals, then the lowest index); if none there, in a relation of any exposed cell, then anywhere a relation holds a
    /// hidden cell. Zeros are never chosen: an "x" would then no longer mean "at least the threshold".
    /// </summary>
    private static int? Kandidaat(IReadOnlyList<int> bloot, IReadOnlyList<int> aantallen, Onthulling[] staat, IReadOnlyList<Som> sommen, List<int>[] perCel) =>
        Beste(perCel[bloot[0]].Select(s => sommen[s]), aantallen, staat)
            ?? Beste(bloot.SelectMany(b => perCel[b]).Distinct().Select(s => sommen[s]), aantallen, staat)
            ?? Beste(sommen.Where(s => s.Cellen.Any(c => staat[c] != Onthulling.Zichtbaar)), aantallen, staat);

    /// <summary>The smallest shown non-zero count in these relations (parts before totals, then the lowest index).</summary>
    private static int? Beste(IEnumerable<Som> kring, IReadOnlyList<int> aantallen, Onthulling[] staat) => kring
        .SelectMany(s => s.Delen.Select(d => (Cel: d, Totaal: false)).Append((Cel: s.Totaal, Totaal: true)))
        .Where(x => staat[x.Cel] == Onthulling.Zichtbaar && aantallen[x.Cel] > 0)
        .OrderBy(x => aantallen[x.Cel]).ThenBy(x => x.Totaal).ThenBy(x => x.Cel)
        .Select(x => (int?)x.Cel).FirstOrDefault();
}
