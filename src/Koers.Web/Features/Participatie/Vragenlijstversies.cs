using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Participatie;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Participatie;

/// <summary>An own question as the functioneel beheerder types it: Dutch text, domain, scale and optional translations.</summary>
public sealed class EigenVraagInvoer
{
    public Participatiedomein? Domein { get; set; }
    public Antwoordschaal? Schaal { get; set; }
    public string? Nl { get; set; }

    /// <summary>Language code (en, ar, fa, ti, tr, uk) → text; empty means "not translated" (the portal shows Dutch).</summary>
    public Dictionary<string, string?> Vertalingen { get; set; } = [];

    /// <summary>The answers of a meerkeuze question (Schaal = Meerkeuze), in order; ignored for a scale. Wholly empty rows do not count.</summary>
    public List<KeuzeoptieInvoer> Opties { get; set; } = [];
}

/// <summary>One answer of an own meerkeuze question as typed: its code (stored with the answer), Dutch label and translations.</summary>
public sealed class KeuzeoptieInvoer
{
    public string? Code { get; set; }
    public string? Nl { get; set; }

    /// <summary>Language code → label; empty means "not translated" (the portal shows the Dutch label).</summary>
    public Dictionary<string, string?> Vertalingen { get; set; } = [];
}

/// <summary>One measurement's domain: how many of its questions were answered, and how many of those positively.</summary>
public sealed record Domeinstand(Participatiedomein Domein, int Beantwoord, int Positief);

/// <summary>One version in the list on the beheer page and in the API.</summary>
public sealed record Vragenlijstversie(int Nummer, string Code, DateTime VastgesteldOp, string VastgesteldDoor, string Wijziging, Vragenlijst Vragenlijst);

/// <summary>How a version's questions are kept in <see cref="Participatievragenlijstversie.Vragen"/> (JSON), and read back.</summary>
public static class Vragenlijstversies
{
    // Keuzes: the options of a meerkeuze question, so a version keeps its options with its texts (absent in versions stored before them).
    private sealed record Opslag(string Code, Participatiedomein Domein, Antwoordschaal Schaal, Dictionary<string, string> Teksten, bool Eigen,
        List<OpslagKeuze>? Keuzes = null);

    private sealed record OpslagKeuze(string Code, Dictionary<string, string> Teksten);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Schrijf(Vragenlijst lijst) =>
        JsonSerializer.Serialize(lijst.Vragen.Select(v => new Opslag(v.Code, v.Domein, v.Schaal, new Dictionary<string, string>(v.Teksten), v.Eigen,
            v.Keuzes.Count == 0 ? null : v.Keuzes.Select(k => new OpslagKeuze(k.Code, new Dictionary<string, string>(k.Teksten))).ToList())).ToList(), Json);

    /// <summary>A stored version; a default question keeps its citation, an own question cites its domain.</summary>
    public static Vragenlijst Lees(string code, string vragen) => new(code, (JsonSerializer.Deserialize<List<Opslag>>(vragen, Json) ?? [])
        .Select(o => new Vraag(o.Code, o.Domein, o.Schaal, Aangevuld(o), Vragenlijsten.Standaard.Zoek(o.Code)?.Bron ?? o.Domein.Bron())
        {
            Eigen = o.Eigen, Keuzes = (o.Keuzes ?? []).Select(k => new Keuzeoptie(k.Code, k.Teksten)).ToList(),
        })
        .ToList());

    /// <summary>
    /// A default question's texts with the default instrument's translations added for the languages the stored version
    /// lacks: a version stored before the default questions were translated (nl and en only, issue #22) asks the same
    /// Dutch question, so its translations are the same. Only when the Dutch text is the default's; an own question keeps
    /// exactly the translations the municipality gave it.
    /// </summary>
    private static Dictionary<string, string> Aangevuld(Opslag o)
    {
        if (o.Eigen || Vragenlijsten.Standaard.Zoek(o.Code) is not { } standaard || standaard.Teksten["nl"] != o.Teksten.GetValueOrDefault("nl")) return o.Teksten;
        var teksten = new Dictionary<string, string>(o.Teksten);
        foreach (var (taal, tekst) in standaard.Teksten) teksten.TryAdd(taal, tekst);
        return teksten;
    }

    public static Vragenlijstversie Lees(Participatievragenlijstversie rij) =>
        new(rij.Nummer, rij.Code, rij.VastgesteldOp, rij.VastgesteldDoor, rij.Wijziging, Lees(rij.Code, rij.Vragen));

    /// <summary>
    /// The questionnaires behind version codes (the default instrument for its own code and for an unknown code). No access
    /// check: versions hold questions, never a person's data; the caller decided that the measurements may be read.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Vragenlijst>> VanCodesAsync(KoersDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var gezocht = codes.Distinct(StringComparer.Ordinal).ToList();
        var rijen = await db.Set<Participatievragenlijstversie>().AsNoTracking().Where(v => gezocht.Contains(v.Code)).ToListAsync(ct);
        var uit = rijen.ToDictionary(r => r.Code, r => Lees(r.Code, r.Vragen), StringComparer.Ordinal);
        foreach (var c in gezocht.Where(c => !uit.ContainsKey(c))) uit[c] = Vragenlijsten.Standaard;
        return uit;
    }

    /// <summary>
    /// One measurement summed up per domain: questions answered and of those positive, by the cohort monitor's rule
    /// (<see cref="Vraag.IsPositief"/>), each answer read with the questions of the measurement's own version. A domain
    /// without an answer is left out; an answer to a question its version does not know is not counted.
    /// </summary>
    public static IReadOnlyList<Domeinstand> PerDomein(Participatiemeting meting, Vragenlijst vragen) =>
        meting.Antwoorden.Select(a => (Vraag: vragen.Zoek(a.VraagCode), a.Waarde)).Where(x => x.Vraag is not null)
            .GroupBy(x => x.Vraag!.Domein).OrderBy(g => g.Key)
            .Select(g => new Domeinstand(g.Key, g.Count(), g.Count(x => x.Vraag!.IsPositief(x.Waarde)))).ToList();

    /// <summary>Whether two questionnaires ask the same questions in the same words, with the same options, in every language.</summary>
    public static bool Gelijk(Vragenlijst a, Vragenlijst b) =>
        a.Vragen.Count == b.Vragen.Count && a.Vragen.Zip(b.Vragen).All(p => p.First.Vergelijksleutel == p.Second.Vergelijksleutel && p.First.Eigen == p.Second.Eigen
            && Zelfde(p.First.Teksten, p.Second.Teksten)
            && p.First.Keuzes.Count == p.Second.Keuzes.Count && p.First.Keuzes.Zip(p.Second.Keuzes).All(k => k.First.Code == k.Second.Code && Zelfde(k.First.Teksten, k.Second.Teksten)));

    private static bool Zelfde(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out var o) && o == t.Value);

    /// <summary>Default questions first in the instrument's order, then own questions, grouped by domain (the form's order).</summary>
    public static Vragenlijst Ordenen(string versie, IEnumerable<Vraag> vragen) =>
        new(versie, vragen.Select((v, i) => (v, i)).OrderBy(x => x.v.Domein).ThenBy(x => x.v.Eigen).ThenBy(x => x.i).Select(x => x.v).ToList());
}
