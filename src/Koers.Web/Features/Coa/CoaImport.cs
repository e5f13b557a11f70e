using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Koers.Data;
using Koers.Data.Versleuteling;
using Koers.Data.Model;
using Koers.Domain.Dossier;
using Koers.Domain.Identity;
using Koers.Web.Features.Beveiliging;
using Koers.Web.Features.Dossier;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Coa;

/// <summary>
/// One row of a COA file: a koppeling of a statushouder to the municipality, optionally with the date of the warme
/// overdracht. The same columns in CSV (header row) and JSON (array of objects). Everything is text here, so a
/// bad value becomes a row error instead of a file that cannot be read.
/// </summary>
public sealed class CoaRij
{
    public string? VNummer { get; set; }
    public string? Bsn { get; set; }
    public string? Voornamen { get; set; }
    public string? Achternaam { get; set; }
    public string? Geboortedatum { get; set; }
    public string? Nationaliteit { get; set; }
    public string? Doelgroep { get; set; }
    public string? Gemeente { get; set; }
    public string? Koppelingsdatum { get; set; }
    public string? WarmeOverdracht { get; set; }
    public string? AzcLocatie { get; set; }
    public string? Talen { get; set; }
    public string? Telefoon { get; set; }

    /// <summary>Why the row could not be read as it stands (set by the CSV reader, never by a JSON client).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? LeesFout { get; set; }
}

public enum CoaUitkomst
{
    Aangemaakt,
    Bijgewerkt,
    Ongewijzigd,
    Fout,
}

public sealed record CoaRegel(int Rij, CoaUitkomst Uitkomst, string Melding, Guid? InburgeraarId);

/// <summary>The import report: per row what happened; <see cref="BestandFout"/> when the file itself was refused.</summary>
public sealed record CoaRapport(int Aangemaakt, int Bijgewerkt, int Ongewijzigd, int Fouten, IReadOnlyList<CoaRegel> Regels, string? BestandFout = null)
{
    public static CoaRapport Geweigerd(string fout) => new(0, 0, 0, 0, [], fout);
}

/// <summary>
/// Imports COA koppelingen and warme-overdracht dates. Each row is validated and saved on its own through
/// <see cref="DossierService"/> (so the same rules and access checks as the form apply): good rows are imported,
/// bad rows reported with row number and reason. A person is matched on V-nummer or BSN, so importing the same file
/// twice changes nothing. The file name is never used; the format is read from the content.
/// </summary>
public sealed class CoaImport(KoersDbContext db, DossierService dossiers, Toegang toegang, BsnBescherming bescherming)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRijen = 5000;

    private static readonly string[] Datumvormen = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    public async Task<CoaRapport> ImporteerAsync(Stream bestand, CancellationToken ct = default)
    {
        var (rijen, fout) = await LeesAsync(bestand, ct);
        if (fout is not null) return CoaRapport.Geweigerd(fout);
        var regels = new List<CoaRegel>();
        foreach (var (nr, rij) in rijen)
        {
            db.ChangeTracker.Clear();
            regels.Add(await RijAsync(nr, rij, ct));
        }

        return new CoaRapport(
            regels.Count(r => r.Uitkomst == CoaUitkomst.Aangemaakt), regels.Count(r => r.Uitkomst == CoaUitkomst.Bijgewerkt),
            regels.Count(r => r.Uitkomst == CoaUitkomst.Ongewijzigd), regels.Count(r => r.Uitkomst == CoaUitkomst.Fout), regels);
    }

    internal static async Task<(List<(int Rij, CoaRij Waarde)> Rijen, string? Fout)> LeesAsync(Stream bestand, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var blok = new byte[81920];
        int gelezen;
        while ((gelezen = await bestand.ReadAsync(blok, ct)) > 0)
        {
            buffer.Write(blok, 0, gelezen);
            if (buffer.Length > MaxBytes) return ([], $"Het bestand is groter dan {MaxBytes / 1024 / 1024} MB. Splits het in kleinere bestanden.");
        }

        if (buffer.Length == 0) return ([], "Het bestand is leeg.");
        string tekst;
        try
        {
            tekst = new UTF8Encoding(false, true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], "Het bestand is geen UTF-8-tekst. Sla het op als CSV (UTF-8) of JSON.");
        }

        var rijen = tekst.TrimStart().StartsWith('[') ? LeesJson(tekst, out var fout) : LeesCsv(tekst, out fout);
        if (fout is null && rijen.Count == 0) fout = "Het bestand bevat geen rijen.";
        if (fout is null && rijen.Count > MaxRijen) fout = $"Het bestand heeft meer dan {MaxRijen} rijen. Splits het in kleinere bestanden.";
        return (rijen, fout);
    }

    private static List<(int, CoaRij)> LeesJson(string tekst, out string? fout)
    {
        fout = null;
        try
        {
            using var doc = JsonDocument.Parse(tekst);
            var rijen = new List<(int, CoaRij)>();
            var nr = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                nr++;
                // Values are read as text whatever their JSON type (a V-nummer may come as a number), so a bad value
                // is a row error, not an unreadable file.
                var velden = e.ValueKind == JsonValueKind.Object
                    ? e.EnumerateObject().GroupBy(p => Normaliseer(p.Name)).ToDictionary(g => g.Key, g => Tekst(g.First().Value))
                    : [];
                string? V(string naam) => velden.GetValueOrDefault(naam);
                rijen.Add((nr, new CoaRij
                {
                    VNummer = V("vnummer"), Bsn = V("bsn"), Voornamen = V("voornamen"), Achternaam = V("achternaam"),
                    Geboortedatum = V("geboortedatum"), Nationaliteit = V("nationaliteit"), Doelgroep = V("doelgroep"),
                    Gemeente = V("gemeente"), Koppelingsdatum = V("koppelingsdatum"), WarmeOverdracht = V("warmeoverdracht"),
                    AzcLocatie = V("azclocatie"), Talen = V("talen"), Telefoon = V("telefoon"),
                }));
                if (rijen.Count > MaxRijen) break;
            }

            return rijen;
        }
        catch (JsonException e)
        {
            fout = $"Het JSON-bestand is niet leesbaar{(e.LineNumber is { } l ? $" (regel {l + 1})" : "")}: verwacht een lijst van objecten met velden zoals vNummer, achternaam en koppelingsdatum.";
            return [];
        }
    }

    private static string? Tekst(JsonElement w) => w.ValueKind switch
    {
        JsonValueKind.String => w.GetString(),
        JsonValueKind.Number => w.GetRawText(),
        JsonValueKind.Array => string.Join(";", w.EnumerateArray().Select(Tekst)),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => w.GetRawText(),
    };

    private static string Normaliseer(string kop) => kop.Trim().Replace("-", string.Empty).Replace("_", string.Empty).Replace(" ", string.Empty).ToLowerInvariant();

    /// <summary>What may separate several languages in the talen value; in a CSV file any of these but the file's own separator.</summary>
    private static readonly string[] TaalScheidingstekens = [",", ";", "|"];

    private static List<(int, CoaRij)> LeesCsv(string tekst, out string? fout)
    {
        fout = null;
        // The separator (',' ';' or tab, as Excel writes it in Dutch) is detected by CsvHelper.
        var opties = new CsvReaderOptions { TrimWhitespace = true, NormalizeHeaderName = Normaliseer };
        var rijen = new List<(int, CoaRij)>();
        try
        {
            using var csv = CsvReader.FromText(tekst, opties);
            var kop = csv.Headers.Select(Normaliseer).ToHashSet();
            var ontbreekt = new[] { "vnummer", "achternaam", "koppelingsdatum" }.Where(k => !kop.Contains(k)).ToList();
            if (ontbreekt.Count > 0)
            {
                fout = $"Het CSV-bestand mist de kolom(men) {string.Join(", ", ontbreekt)}. Verwacht onder meer: vNummer, bsn, voornamen, achternaam, geboortedatum, nationaliteit, doelgroep, gemeente, koppelingsdatum, warmeOverdracht.";
                return [];
            }

            string? Veld(string naam) => kop.Contains(naam) ? csv.GetStringOrNull(naam) : null;
            var kolommen = csv.Headers.Count;
            while (csv.Read())
            {
                // More values than columns: the separator stood inside a value ("Turks;Koerdisch" in a ';' file). Reading on
                // would silently drop what follows, so the row is refused with the reason instead. That holds too when the
                // extra values are empty: "Turks;Koerdisch;" under talen;telefoon puts Koerdisch in telefoon and the row
                // ends in an empty extra value, which looks like a harmless trailing separator but is not.
                string? leesFout = null;
                if (csv.FieldCount > kolommen)
                {
                    leesFout = $"Deze rij heeft {csv.FieldCount} waarden en de kopregel {kolommen} kolommen: waarschijnlijk staat het scheidingsteken " +
                        $"'{csv.Separator}' in een waarde (bijvoorbeeld talen als Turks{csv.Separator}Koerdisch), of staat er een scheidingsteken te veel. " +
                        "Zet zo'n waarde tussen aanhalingstekens, of scheid de talen met een ander teken dan het scheidingsteken van het bestand " +
                        $"({string.Join(" of ", TaalScheidingstekens.Where(t => t != csv.Separator.ToString()).Select(t => $"'{t}'"))}). Deze rij is niet ingelezen.";
                }

                // Rows are numbered as in a spreadsheet: the header is row 1.
                rijen.Add(((int)csv.RowNumber + 1, new CoaRij
                {
                    VNummer = Veld("vnummer"), Bsn = Veld("bsn"), Voornamen = Veld("voornamen"), Achternaam = Veld("achternaam"),
                    Geboortedatum = Veld("geboortedatum"), Nationaliteit = Veld("nationaliteit"), Doelgroep = Veld("doelgroep"),
                    Gemeente = Veld("gemeente"), Koppelingsdatum = Veld("koppelingsdatum"), WarmeOverdracht = Veld("warmeoverdracht"),
                    AzcLocatie = Veld("azclocatie"), Talen = Veld("talen"), Telefoon = Veld("telefoon"), LeesFout = leesFout,
                }));
                if (rijen.Count > MaxRijen) break;
            }
        }
        catch (CsvFormatException)
        {
            fout = $"Het CSV-bestand is niet leesbaar na rij {rijen.Count + 1} (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten).";
            return [];
        }

        return rijen;
    }

    private async Task<CoaRegel> RijAsync(int nr, CoaRij rij, CancellationToken ct)
    {
        // First who it is (V-nummer, BSN); then what a new case needs, or only the warme overdracht for a known one.
        if (rij.LeesFout is { } leesFout) return new CoaRegel(nr, CoaUitkomst.Fout, leesFout, null);
        var fouten = new List<string>();
        VNummer? vnummer = null;
        if (string.IsNullOrWhiteSpace(rij.VNummer)) fouten.Add("V-nummer ontbreekt (het COA levert altijd een V-nummer).");
        else if (!VNummer.TryParse(rij.VNummer, out var v, out var f)) fouten.Add(f!);
        else vnummer = v;

        Bsn? bsn = null;
        if (!string.IsNullOrWhiteSpace(rij.Bsn))
        {
            if (Bsn.TryParse(rij.Bsn, out var b, out var f)) bsn = b;
            else fouten.Add("BSN: " + f);
        }

        var overdracht = Datum(rij.WarmeOverdracht, "Warme overdracht", verplicht: false, fouten);
        if (fouten.Count > 0) return new CoaRegel(nr, CoaUitkomst.Fout, string.Join(" ", fouten), null);

        // Match on V-nummer or BSN, within the user's reach; a match elsewhere is reported, not duplicated.
        var bestaand = await (await toegang.DossiersAsync(db.Inburgeraars.AsNoTracking(), ct))
            .MetBsnOfVNummer(bescherming, bsn, vnummer)
            .Select(i => new { i.Id })
            .FirstOrDefaultAsync(ct);
        if (bestaand is null && await db.Inburgeraars.MetBsnOfVNummer(bescherming, bsn, vnummer).AnyAsync(ct))
        {
            return new CoaRegel(nr, CoaUitkomst.Fout, "Er bestaat al een dossier voor deze persoon in een gemeente waarvoor u niet werkt.", null);
        }

        if (bestaand is not null) return await WarmeOverdrachtAsync(nr, bestaand.Id, overdracht, ct);

        var geboren = Datum(rij.Geboortedatum, "Geboortedatum", verplicht: true, fouten);
        var koppeling = Datum(rij.Koppelingsdatum, "Koppelingsdatum", verplicht: true, fouten);
        Doelgroep? doelgroep = null;
        if (string.IsNullOrWhiteSpace(rij.Doelgroep)) fouten.Add("Doelgroep ontbreekt.");
        else if (Enum.TryParse<Doelgroep>(rij.Doelgroep.Replace(" ", string.Empty), ignoreCase: true, out var d) && Enum.IsDefined(d)) doelgroep = d;
        else fouten.Add($"Onbekende doelgroep '{Kort(rij.Doelgroep)}' (asielstatushouder, nareiziger, gezinsmigrant, overigeMigrant).");
        if (overdracht is { } o && koppeling is { } k && o < k) fouten.Add("De warme overdracht ligt vóór de koppeling.");
        if (fouten.Count > 0) return new CoaRegel(nr, CoaUitkomst.Fout, string.Join(" ", fouten), null);

        var invoer = new InburgeraarInvoer
        {
            // The form's text: the registration validates it once more, as for a case entered by hand.
            VNummer = vnummer?.Value,
            Bsn = bsn?.Value,
            Voornamen = rij.Voornamen,
            Achternaam = rij.Achternaam,
            Geboortedatum = geboren,
            Nationaliteit = rij.Nationaliteit,
            Doelgroep = doelgroep,
            Gemeente = rij.Gemeente,
            Koppelingsdatum = koppeling,
            AzcLocatie = rij.AzcLocatie,
            Telefoon = rij.Telefoon,
            Talen = (rij.Talen ?? string.Empty).Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
        var uitkomst = await dossiers.RegistreerAsync(invoer, Registratiebron.CoaKoppeling, ct);
        if (!uitkomst.Gelukt) return new CoaRegel(nr, CoaUitkomst.Fout, string.Join(" ", uitkomst.Fouten.SelectMany(f => f.Value)), null);
        if (overdracht is null) return new CoaRegel(nr, CoaUitkomst.Aangemaakt, "Dossier aangemaakt uit de koppeling.", uitkomst.Waarde);
        db.ChangeTracker.Clear();
        var regel = await WarmeOverdrachtAsync(nr, uitkomst.Waarde, overdracht, ct);
        return regel.Uitkomst == CoaUitkomst.Fout
            ? regel with { Melding = "Dossier aangemaakt, maar de warme overdracht niet: " + regel.Melding }
            : regel with { Uitkomst = CoaUitkomst.Aangemaakt, Melding = "Dossier aangemaakt met warme overdracht." };
    }

    private async Task<CoaRegel> WarmeOverdrachtAsync(int nr, Guid id, DateOnly? overdracht, CancellationToken ct)
    {
        if (overdracht is null) return new CoaRegel(nr, CoaUitkomst.Ongewijzigd, "Dossier bestond al; niets gewijzigd.", id);
        var huidig = await db.Mijlpalen.AsNoTracking().Where(m => m.InburgeraarId == id && m.Soort == Mijlpaal.WarmeOverdracht).Select(m => (DateOnly?)m.Datum).FirstOrDefaultAsync(ct);
        if (huidig == overdracht) return new CoaRegel(nr, CoaUitkomst.Ongewijzigd, "Dossier bestond al met deze warme overdracht; niets gewijzigd.", id);
        var u = await dossiers.ZetMijlpalenAsync(id, new Dictionary<Mijlpaal, DateOnly?> { [Mijlpaal.WarmeOverdracht] = overdracht }, "Warme overdracht (COA-bestand)", ct);
        return u.Gelukt
            ? new CoaRegel(nr, CoaUitkomst.Bijgewerkt, $"Warme overdracht vastgelegd op {overdracht:dd-MM-yyyy}.", id)
            : new CoaRegel(nr, CoaUitkomst.Fout, string.Join(" ", u.Fouten.SelectMany(f => f.Value)), id);
    }

    private static DateOnly? Datum(string? tekst, string naam, bool verplicht, List<string> fouten)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            if (verplicht) fouten.Add($"{naam} ontbreekt.");
            return null;
        }

        if (DateOnly.TryParseExact(tekst.Trim(), Datumvormen, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        fouten.Add($"{naam} '{Kort(tekst)}' is geen datum (JJJJ-MM-DD).");
        return null;
    }

    private static string Kort(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
