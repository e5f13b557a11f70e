using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Data.Versleuteling;
using Koers.Domain.Identity;
using Koers.Domain.Voortgang;
using Koers.Web.Features.Audit;
using Koers.Web.Features.Dossier;
using Koers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Web.Features.Voortgang;

/// <summary>
/// How the CSV upload writes on PostgreSQL (Koers:Voortgang:CsvSetGewijs, default on): set-based (COPY and two statements)
/// or through EF's change tracker, as on SQLite. Both give the same rows, answers and audit (VoortgangApiTests proves it);
/// the switch is there to fall back without a release, and for that test.
/// </summary>
public sealed class UrenCsvSchrijfwijze
{
    public bool SetGewijs { get; set; } = true;
}

public sealed record CsvRegelUitkomst(int Regel, string Status, string? Reden);

public sealed record CsvUitkomst(Guid UploadId, string Bestandsnaam, int Regels, int Toegevoegd, int Bijgewerkt, int Ongewijzigd, int Fouten,
    IReadOnlyList<CsvRegelUitkomst> Resultaten);

/// <summary>
/// A partner's attendance list as CSV. Every row is checked on its own: bad rows come back with their row number
/// and reason, good rows are kept, and the same file uploaded again changes nothing (each row reports
/// "ongewijzigd"). A person outside the partner's consent gets the same answer as an unknown person, so the
/// upload cannot be used to find out who is in Koers. All lookups are batched: one query for the people, one for
/// the stored weeks, one save.
/// </summary>
public sealed class UrenCsvImport(KoersDbContext db, Klok klok, HuidigeGebruiker gebruiker, Kern.Toegang toegang, RapportageService rapportage, BsnBescherming bescherming, Auditlog audit,
    UrenCsvSchrijfwijze schrijfwijze)
{
    public const long MaxBytes = 4 * 1024 * 1024;
    public const int MaxRegels = 20_000;

    public static readonly IReadOnlyList<string> Kolommen = ["bsn", "vnummer", "koers_id", "week", "soort", "uren", "afwezig_uren", "afwezig_gemeld"];
    private static readonly string[] Verplicht = ["week", "soort", "uren"];
    private static readonly string[] Persoon = ["bsn", "vnummer", "koers_id"];
    public const string GeenMachtiging = "geen machtiging voor deze persoon";

    private sealed record Rij(int Regel, string[] Velden)
    {
        public List<string> Fouten { get; } = [];
        public Bsn? Bsn { get; set; }
        public VNummer? VNummer { get; set; }
        public Guid? KoersId { get; set; }
        public Guid? Dossier { get; set; }
        public DateOnly Week { get; set; }
        public Urensoort Soort { get; set; }
        public decimal Uren { get; set; }
        public decimal Afwezig { get; set; }
        public bool Gemeld { get; set; }
        public string? Status { get; set; }

        /// <summary>The row as read from the file (its own list of errors), for a second attempt at storing.</summary>
        public Rij Kopie()
        {
            var k = new Rij(Regel, Velden)
            {
                Bsn = Bsn, VNummer = VNummer, KoersId = KoersId, Dossier = Dossier, Week = Week, Soort = Soort, Uren = Uren, Afwezig = Afwezig,
                Gemeld = Gemeld, Status = Status,
            };
            k.Fouten.AddRange(Fouten);
            return k;
        }
    }

    public async Task<Uitkomst<CsvUitkomst>> VerwerkAsync(Stream inhoud, long lengte, string? bestandsnaam, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner) return Fout("Alleen medewerkers van een ketenpartner kunnen een presentielijst uploaden.");
        var partner = bereik.PartnerorganisatieId!.Value;
        if (lengte > MaxBytes) return Fout($"Het bestand is te groot: hoogstens {MaxBytes / 1024 / 1024} MB (ongeveer {MaxRegels:N0} regels).");

        using var buffer = new MemoryStream();
        await inhoud.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) return Fout($"Het bestand is te groot: hoogstens {MaxBytes / 1024 / 1024} MB.");
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // UTF-8 with or without BOM; a BOM is skipped by the reader.
        string tekst;
        try
        {
            tekst = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Fout("Het bestand is geen UTF-8-tekst. Sla de lijst op als 'CSV UTF-8' en probeer het opnieuw.");
        }

        if (tekst.Length > 0 && tekst[0] == '\uFEFF') tekst = tekst[1..];
        if (string.IsNullOrWhiteSpace(tekst)) return Fout("Het bestand is leeg. Verwacht: een kopregel en per regel één persoon, week en soort uren.");

        var eersteRegel = tekst.Split('\n', 2)[0];
        var scheiding = eersteRegel.Count(c => c == ';') >= eersteRegel.Count(c => c == ',') ? ';' : ',';
        var opties = new CsvReaderOptions
        {
            Separator = scheiding,
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
        };

        string[] kopOrigineel;
        var rijen = new List<Rij>();
        try
        {
            using var csv = CsvReader.FromText(tekst, opties);
            kopOrigineel = csv.Headers.Select(h => h ?? string.Empty).ToArray();
            var kop = kopOrigineel.Select(NormaliseerKop).ToArray();
            var kopFout = ControleerKop(kop);
            if (kopFout is not null) return Fout(kopFout);
            var index = kop.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);

            while (csv.Read())
            {
                if (rijen.Count >= MaxRegels) return Fout($"Het bestand heeft meer dan {MaxRegels:N0} regels; splits het in kleinere bestanden.");
                var velden = new string[csv.FieldCount];
                for (var i = 0; i < velden.Length; i++) velden[i] = csv.GetString(i);
                if (velden.All(string.IsNullOrWhiteSpace)) continue;
                rijen.Add(Lees(new Rij((int)csv.LineNumber, velden), index, kop.Length));
            }
        }
        catch (CsvFormatException e)
        {
            return Fout($"Het bestand is geen geldige CSV: {e.Message}");
        }

        if (rijen.Count == 0) return Fout("Het bestand bevat alleen een kopregel en geen regels met uren.");

        // Behind a load balancer a partner's retry can run while the first attempt is still busy on another instance. Both
        // read 'not stored yet' and add the same weeks; the unique index lets one commit and the other fail. The one that
        // failed starts over on the rows as they are now (its rows then read 'ongewijzigd' or 'bijgewerkt'), as if it came
        // a moment later, instead of answering 500.
        for (var poging = 1; ; poging++)
        {
            try
            {
                return await SchrijfAsync(rijen.Select(r => r.Kopie()).ToList(), partner, sha, kopOrigineel, bestandsnaam, ct);
            }
            catch (DbUpdateException e) when (poging < 3 && UniekeSchending(e.InnerException))
            {
                db.ChangeTracker.Clear();
            }
            catch (Npgsql.PostgresException e) when (poging < 3 && UniekeSchending(e))
            {
                // The set-based path writes the hours itself, so the refusal comes straight from Npgsql.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A unique index refused the insert (PostgreSQL 23505, SQLite constraint 19): another writer was first.</summary>
    private static bool UniekeSchending(Exception? e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sq => sq.SqliteErrorCode == 19,
        _ => false,
    };

    private async Task<Uitkomst<CsvUitkomst>> SchrijfAsync(List<Rij> rijen, int partner, string sha, string[] kopOrigineel, string? bestandsnaam, CancellationToken ct)
    {
        await KoppelPersonenAsync(rijen, ct);
        MarkeerDubbele(rijen);

        var goed = rijen.Where(r => r.Fouten.Count == 0).ToList();
        var ids = goed.Select(r => r.Dossier!.Value).Distinct().ToList();
        // On PostgreSQL the hours are written set-based (binary COPY and two statements instead of one UPDATE or INSERT per
        // row through the change tracker). Every decision per row (added, updated, unchanged) is the same code on both paths.
        var setGewijs = db is PostgresKoersDbContext && schrijfwijze.SetGewijs;
        await using var transactie = setGewijs ? await db.Database.BeginTransactionAsync(ct) : null;
        var wie = new Rapporteur(partner, Gegevensbron.PartnerCsv);
        // The stored weeks of the file's people and period; tracked only where EF writes them back.
        var bestaand = new Dictionary<(Guid, Urensoort, DateOnly), Urenregistratie>();
        if (goed.Count > 0)
        {
            var van = goed.Min(r => r.Week);
            var tot = goed.Max(r => r.Week);
            var opgeslagen = db.Urenregistraties.Where(u => u.PartnerorganisatieId == partner && ids.Contains(u.InburgeraarId) && u.Week >= van && u.Week <= tot);
            bestaand = (await (setGewijs
                    // Untracked, and only what the comparison and the write read: the key, the id and the three values
                    // (up to 20,000 rows a file; with the person lookup, reading rows was a quarter of an unchanged upload's CPU in
                    // a perf profile, issue #21).
                    ? opgeslagen.AsNoTracking().Select(u => new Urenregistratie
                    {
                        Id = u.Id, InburgeraarId = u.InburgeraarId, Soort = u.Soort, Week = u.Week, Uren = u.Uren, AfwezigUren = u.AfwezigUren,
                        AfwezigGemeld = u.AfwezigGemeld, VastgelegdDoor = string.Empty,
                    })
                    : opgeslagen).ToListAsync(ct))
                .ToDictionary(u => (u.InburgeraarId, u.Soort, u.Week));
        }

        if (setGewijs)
        {
            var teSchrijven = new List<(Urenregistratie Regel, bool Nieuw)>();
            foreach (var r in goed)
            {
                var oud = bestaand.GetValueOrDefault((r.Dossier!.Value, r.Soort, r.Week));
                var gemeld = r.Afwezig > 0 && r.Gemeld;
                var uitkomst = RapportageService.Vergelijk(oud, r.Uren, r.Afwezig, gemeld);
                r.Status = Status(uitkomst);
                if (uitkomst == Opslagresultaat.Ongewijzigd) continue;
                teSchrijven.Add((new Urenregistratie
                {
                    Id = oud?.Id ?? 0, InburgeraarId = r.Dossier.Value, PartnerorganisatieId = partner, Soort = r.Soort, Week = r.Week, Uren = r.Uren,
                    AfwezigUren = r.Afwezig, AfwezigGemeld = gemeld, Bron = Gegevensbron.PartnerCsv, VastgelegdOp = klok.NuUtc, VastgelegdDoor = gebruiker.Naam,
                }, oud is null));
            }

            await SchrijfUrenPostgresAsync(teSchrijven, ct);
        }
        else
        {
            foreach (var r in goed)
            {
                r.Status = Status(rapportage.Schrijf(bestaand.GetValueOrDefault((r.Dossier!.Value, r.Soort, r.Week)), r.Dossier.Value, wie, r.Soort, r.Week,
                    r.Uren, r.Afwezig, r.Afwezig > 0 && r.Gemeld, Gegevensbron.PartnerCsv));
            }
        }

        var naam = Weergavenaam(bestandsnaam);
        var fouten = rijen.Where(r => r.Fouten.Count > 0).ToList();
        var upload = new Urenupload
        {
            Id = Guid.NewGuid(), PartnerorganisatieId = partner, Bestandsnaam = naam, Sha256 = sha, Regels = rijen.Count,
            Toegevoegd = goed.Count(r => r.Status == "toegevoegd"), Bijgewerkt = goed.Count(r => r.Status == "bijgewerkt"),
            Ongewijzigd = goed.Count(r => r.Status == "ongewijzigd"), Fouten = fouten.Count,
            FoutenCsv = FoutenCsv(kopOrigineel, fouten), Op = klok.NuUtc, Door = gebruiker.Naam,
        };
        db.Urenuploads.Add(upload);

        // One audit line per case whose hours changed, and one for the upload itself.
        foreach (var groep in goed.Where(r => r.Status != "ongewijzigd").GroupBy(r => r.Dossier!.Value))
        {
            audit.Schrijf(AuditActie.Wijzigen, groep.Key, $"Voortgang: {groep.Count()} urenregel(s) via CSV-upload {upload.Id} (ketenpartner {partner})");
        }

        await rapportage.MeldUrenAanDuoAsync(goed.Where(r => r.Status != "ongewijzigd").Select(r => r.Dossier!.Value).ToHashSet(), ct);
        audit.Schrijf(AuditActie.Aanmaken, null, $"CSV-upload presentielijst {upload.Id} (ketenpartner {partner}): {upload.Regels} regels, {upload.Toegevoegd} toegevoegd, " +
                $"{upload.Bijgewerkt} bijgewerkt, {upload.Ongewijzigd} ongewijzigd, {upload.Fouten} fout");
        await db.SaveChangesAsync(ct);
        if (transactie is not null) await transactie.CommitAsync(ct);

        var resultaten = rijen.Select(r => new CsvRegelUitkomst(r.Regel, r.Status ?? "fout", r.Fouten.Count > 0 ? string.Join("; ", r.Fouten) : null)).ToList();
        return Uitkomst<CsvUitkomst>.Ok(new CsvUitkomst(upload.Id, naam, upload.Regels, upload.Toegevoegd, upload.Bijgewerkt, upload.Ongewijzigd, upload.Fouten, resultaten));
    }

    private static string Status(Opslagresultaat uitkomst) => uitkomst switch
    {
        Opslagresultaat.Toegevoegd => "toegevoegd",
        Opslagresultaat.Bijgewerkt => "bijgewerkt",
        _ => "ongewijzigd",
    };

    /// <summary>
    /// The added and changed hours of one upload on PostgreSQL: binary COPY into a temporary table, then one UPDATE … FROM for
    /// the changed rows and one INSERT for the new ones, in the upload's transaction (the DUO totals and the audit rows are
    /// saved in it afterwards). A plain INSERT, not ON CONFLICT: when another attempt of the same file stored a week first,
    /// the unique index refuses it and the upload starts over, as on the EF path. New rows are inserted in file order.
    /// </summary>
    private async Task SchrijfUrenPostgresAsync(List<(Urenregistratie Regel, bool Nieuw)> regels, CancellationToken ct)
    {
        if (regels.Count == 0) return;
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                CREATE TEMP TABLE IF NOT EXISTS csv_uren (
                    "Volgorde" integer NOT NULL, "Id" bigint NULL, "InburgeraarId" uuid NOT NULL, "PartnerorganisatieId" integer NOT NULL,
                    "Soort" varchar(40) NOT NULL, "Week" date NOT NULL, "Uren" numeric(7,2) NOT NULL, "AfwezigUren" numeric(7,2) NOT NULL,
                    "AfwezigGemeld" boolean NOT NULL, "Bron" varchar(40) NOT NULL, "VastgelegdOp" timestamp with time zone NOT NULL,
                    "VastgelegdDoor" varchar(200) NOT NULL) ON COMMIT DELETE ROWS;
                """;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await conn.BeginBinaryImportAsync(
            """
            COPY csv_uren ("Volgorde", "Id", "InburgeraarId", "PartnerorganisatieId", "Soort", "Week", "Uren", "AfwezigUren", "AfwezigGemeld", "Bron",
                "VastgelegdOp", "VastgelegdDoor") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < regels.Count; i++)
            {
                var (u, nieuw) = regels[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
                if (nieuw) await copy.WriteNullAsync(ct);
                else await copy.WriteAsync(u.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(u.InburgeraarId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(u.PartnerorganisatieId!.Value, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(u.Soort.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(u.Week, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(u.Uren, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(u.AfwezigUren, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(u.AfwezigGemeld, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(u.Bron.ToString(), NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(u.VastgelegdOp, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(u.VastgelegdDoor, NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using var schrijf = conn.CreateCommand();
        schrijf.CommandText = """
            UPDATE urenregistratie u SET "Uren" = t."Uren", "AfwezigUren" = t."AfwezigUren", "AfwezigGemeld" = t."AfwezigGemeld", "Bron" = t."Bron",
                "VastgelegdOp" = t."VastgelegdOp", "VastgelegdDoor" = t."VastgelegdDoor"
            FROM csv_uren t WHERE t."Id" IS NOT NULL AND u."Id" = t."Id";
            INSERT INTO urenregistratie ("InburgeraarId", "PartnerorganisatieId", "Soort", "Week", "Uren", "AfwezigUren", "AfwezigGemeld", "Bron", "VastgelegdOp", "VastgelegdDoor")
            SELECT "InburgeraarId", "PartnerorganisatieId", "Soort", "Week", "Uren", "AfwezigUren", "AfwezigGemeld", "Bron", "VastgelegdOp", "VastgelegdDoor"
            FROM csv_uren WHERE "Id" IS NULL ORDER BY "Volgorde";
            """;
        await schrijf.ExecuteNonQueryAsync(ct);
    }

    /// <summary>An earlier upload of the signed-in partner; another organisation's upload is 'not found'.</summary>
    public async Task<Urenupload?> HaalAsync(Guid uploadId, CancellationToken ct = default)
    {
        var bereik = await toegang.BereikAsync(ct);
        if (!bereik.IsPartner) return null;
        return await db.Urenuploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uploadId && u.PartnerorganisatieId == bereik.PartnerorganisatieId, ct);
    }

    private static Uitkomst<CsvUitkomst> Fout(string melding) => Uitkomst<CsvUitkomst>.Geweigerd(new() { ["Bestand"] = [melding] });

    internal static string NormaliseerKop(string kop)
    {
        var k = kop.Trim().Trim('\uFEFF').ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return k switch
        {
            "v_nummer" or "vnr" => "vnummer",
            "koersid" or "id" => "koers_id",
            "afwezig" => "afwezig_uren",
            "gemeld" => "afwezig_gemeld",
            _ => k,
        };
    }

    private static string? ControleerKop(string[] kop)
    {
        var voorbeeld = "Verwachte kolommen: bsn of vnummer of koers_id, week, soort, uren, afwezig_uren, afwezig_gemeld.";
        if (kop.Length == 0 || kop.All(string.IsNullOrEmpty)) return "De kopregel ontbreekt. " + voorbeeld;
        var onbekend = kop.Where(k => !Kolommen.Contains(k)).ToList();
        if (onbekend.Count > 0) return $"Onbekende kolom(men): {string.Join(", ", onbekend.Select(k => $"'{k}'"))}. {voorbeeld}";
        var dubbel = kop.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (dubbel.Count > 0) return $"Kolom(men) staan dubbel in de kopregel: {string.Join(", ", dubbel)}.";
        var mist = Verplicht.Where(v => !kop.Contains(v)).ToList();
        if (mist.Count > 0) return $"Verplichte kolom(men) ontbreken: {string.Join(", ", mist)}. {voorbeeld}";
        if (!Persoon.Any(kop.Contains)) return "Een kolom om de persoon te herkennen ontbreekt: bsn, vnummer of koers_id. " + voorbeeld;
        return null;
    }

    private Rij Lees(Rij r, Dictionary<string, int> index, int aantalKolommen)
    {
        string? Veld(string naam) => index.TryGetValue(naam, out var i) && i < r.Velden.Length && !string.IsNullOrWhiteSpace(r.Velden[i]) ? r.Velden[i].Trim() : null;
        if (r.Velden.Length != aantalKolommen)
        {
            r.Fouten.Add($"{r.Velden.Length} kolommen in plaats van {aantalKolommen}");
            return r;
        }

        var bsn = Veld("bsn");
        var vnummer = Veld("vnummer");
        var koersId = Veld("koers_id");
        if (bsn is null && vnummer is null && koersId is null) r.Fouten.Add("geen bsn, vnummer of koers_id");
        if (bsn is not null)
        {
            if (Bsn.TryParse(bsn, out var b, out _)) r.Bsn = b;
            else r.Fouten.Add("bsn is ongeldig (9 cijfers met elfproef)");
        }

        if (vnummer is not null)
        {
            if (VNummer.TryParse(vnummer, out var v, out _)) r.VNummer = v;
            else r.Fouten.Add("vnummer is ongeldig");
        }

        if (koersId is not null)
        {
            if (Guid.TryParse(koersId, out var g)) r.KoersId = g;
            else r.Fouten.Add("koers_id is geen geldige id");
        }

        if (Week.TryParse(Veld("week"), out var week, out var weekFout)) r.Week = week;
        else r.Fouten.Add(weekFout!);

        var soortTekst = Veld("soort");
        if (Soort(soortTekst) is { } soort) r.Soort = soort;
        else r.Fouten.Add(soortTekst is null ? "soort ontbreekt" : $"onbekende soort '{soortTekst}' (taal, knm, participatie, map_theorie, map_praktijk of pvt)");

        var urenTekst = Veld("uren");
        var urenGoed = Urenregels.TryParse(urenTekst, out var uren);
        if (!urenGoed) r.Fouten.Add(urenTekst is null ? "uren ontbreken" : $"uren '{urenTekst}' is geen getal");
        var afwezigTekst = Veld("afwezig_uren");
        decimal afwezig = 0;
        var afwezigGoed = afwezigTekst is null || Urenregels.TryParse(afwezigTekst, out afwezig);
        if (!afwezigGoed) r.Fouten.Add($"afwezig_uren '{afwezigTekst}' is geen getal");
        var gemeldTekst = Veld("afwezig_gemeld");
        if (Gemeld(gemeldTekst) is { } gemeld) r.Gemeld = gemeld;
        else r.Fouten.Add($"afwezig_gemeld '{gemeldTekst}' is geen ja of nee");

        if (urenGoed && afwezigGoed && r.Week != default)
        {
            r.Fouten.AddRange(Urenregels.Controleer(uren, afwezig, r.Week, klok.Vandaag).Select(f => f.Melding));
        }

        r.Uren = uren;
        r.Afwezig = afwezig;
        return r;
    }

    internal static Urensoort? Soort(string? tekst) =>
        (tekst?.Trim().ToLowerInvariant().Replace("_", "").Replace("-", "").Replace(" ", "")) switch
        {
            "taal" => Urensoort.Taal,
            "knm" => Urensoort.Knm,
            "participatie" => Urensoort.Participatie,
            "arbeidsparticipatie" or "participatiewerk" or "werk" => Urensoort.Arbeidsparticipatie,
            "vrijwilligerswerk" => Urensoort.Vrijwilligerswerk,
            "maatschappelijkeparticipatie" or "maatschappelijk" => Urensoort.MaatschappelijkeParticipatie,
            "maptheorie" => Urensoort.MapTheorie,
            "mappraktijk" => Urensoort.MapPraktijk,
            "pvt" => Urensoort.Pvt,
            _ => null,
        };

    private static bool? Gemeld(string? tekst) => tekst?.Trim().ToLowerInvariant() switch
    {
        null or "" or "nee" or "n" or "0" or "false" or "ongemeld" => false,
        "ja" or "j" or "1" or "true" or "gemeld" => true,
        _ => null,
    };

    /// <summary>Resolves every row's person in one query over the partner's consented cases only.</summary>
    private async Task KoppelPersonenAsync(List<Rij> rijen, CancellationToken ct)
    {
        // The numbers are encrypted in the database: match on their blind indexes, in the query and here (the found cases'
        // numbers are not decrypted: thousands of decryptions per file, issue #21). Per number every index it can have
        // (one per index key while keys rotate).
        var bsnIndexen = rijen.Select(r => r.Bsn?.Value).OfType<string>().Distinct().ToDictionary(b => b, b => bescherming.Indexen(Nummersoort.Bsn, b));
        var vnummerIndexen = rijen.Select(r => r.VNummer?.Value).OfType<string>().Distinct().ToDictionary(v => v, v => bescherming.Indexen(Nummersoort.VNummer, v));
        var bsns = bsnIndexen.Values.SelectMany(i => i).ToArray();
        var vnummers = vnummerIndexen.Values.SelectMany(i => i).ToArray();
        var ids = rijen.Where(r => r.KoersId is not null).Select(r => r.KoersId!.Value).Distinct().ToList();
        var zichtbaar = await toegang.PartnerDossiersAsync(db.Inburgeraars.AsNoTracking(), Gegevenscategorie.Voortgang, ct);
        var gevonden = await zichtbaar
            .Where(i => bsns.Contains(i.BsnIndex!) || vnummers.Contains(i.VNummerIndex!) || ids.Contains(i.Id))
            .Select(i => new { i.Id, i.BsnIndex, i.VNummerIndex })
            .ToListAsync(ct);
        var opBsnIndex = gevonden.Where(g => g.BsnIndex is not null).ToLookup(g => g.BsnIndex!, g => g.Id);
        var opVNummerIndex = gevonden.Where(g => g.VNummerIndex is not null).ToLookup(g => g.VNummerIndex!, g => g.Id);
        var opId = gevonden.Select(g => g.Id).ToHashSet();

        // The one case a number points to; none, or more than one (the same number on two cases), is no match.
        static Guid? Enig(string[] indexen, ILookup<string, Guid> opIndex) =>
            indexen.SelectMany(i => opIndex[i]).Distinct().ToList() is [var enig] ? enig : null;
        var opBsn = bsnIndexen.ToDictionary(x => x.Key, x => Enig(x.Value, opBsnIndex));
        var opVNummer = vnummerIndexen.ToDictionary(x => x.Key, x => Enig(x.Value, opVNummerIndex));

        foreach (var r in rijen.Where(r => r.Bsn is not null || r.VNummer is not null || r.KoersId is not null))
        {
            // Every identifier given must point to the same consented case; any mismatch reads as "no consent".
            var kandidaten = new List<Guid?>();
            if (r.Bsn is { } bsn) kandidaten.Add(opBsn[bsn.Value]);
            if (r.VNummer is { } vnummer) kandidaten.Add(opVNummer[vnummer.Value]);
            if (r.KoersId is { } k) kandidaten.Add(opId.Contains(k) ? k : null);
            if (r.Fouten.Any(f => f.StartsWith("bsn ", StringComparison.Ordinal) || f.StartsWith("vnummer ", StringComparison.Ordinal) || f.StartsWith("koers_id ", StringComparison.Ordinal))) continue;
            if (kandidaten.Any(x => x is null) || kandidaten.Distinct().Count() != 1) r.Fouten.Insert(0, GeenMachtiging);
            else r.Dossier = kandidaten[0];
        }
    }

    private static void MarkeerDubbele(List<Rij> rijen)
    {
        var eerste = new Dictionary<(Guid, Urensoort, DateOnly), int>();
        foreach (var r in rijen.Where(r => r.Dossier is not null && r.Week != default && !r.Fouten.Any(f => f.StartsWith("onbekende soort", StringComparison.Ordinal) || f == "soort ontbreekt")))
        {
            var sleutel = (r.Dossier!.Value, r.Soort, r.Week);
            if (eerste.TryGetValue(sleutel, out var regel)) r.Fouten.Add($"dubbele regel: zelfde persoon, week en soort als regel {regel}");
            else eerste[sleutel] = r.Regel;
        }
    }

    /// <summary>At most this many refused rows are kept for the download (the upload's answer still lists them all).</summary>
    public const int MaxOpgeslagenFoutregels = 1_000;

    /// <summary>At most this many characters of refused rows are kept per upload; every upload stays in the database.</summary>
    public const int MaxOpgeslagenFoutTekens = 256 * 1024;

    private static readonly CsvWriterOptions FoutenOpties = new() { Separator = ';', Injection = CsvInjection.Escape, ValidateFieldCount = false };

    /// <summary>
    /// The refused rows as CSV for the partner's download, bounded in rows and characters: uploads are kept, and a partner
    /// (or a script) sending many large files full of errors must not grow the database without limit. What is cut off is
    /// said in the file's last row.
    /// </summary>
    private static string FoutenCsv(string[] kop, List<Rij> fouten)
    {
        var opgeslagen = new StringBuilder(Regel(["regel", "reden", .. kop]));
        var bewaard = 0;
        foreach (var r in fouten)
        {
            // A short row is padded so every line of the download has the same columns.
            var velden = r.Velden.Length >= kop.Length ? r.Velden : [.. r.Velden, .. Enumerable.Repeat(string.Empty, kop.Length - r.Velden.Length)];
            var regel = Regel([r.Regel.ToString(CultureInfo.InvariantCulture), string.Join("; ", r.Fouten), .. velden]);
            if (bewaard >= MaxOpgeslagenFoutregels || opgeslagen.Length + regel.Length > MaxOpgeslagenFoutTekens) break;
            opgeslagen.Append(regel);
            bewaard++;
        }

        if (bewaard < fouten.Count)
        {
            opgeslagen.Append(Regel([string.Empty,
                $"AFGEKAPT: {fouten.Count - bewaard} van de {fouten.Count} foute regels staan niet in dit bestand (er worden hoogstens " +
                $"{MaxOpgeslagenFoutregels} regels en {MaxOpgeslagenFoutTekens / 1024} kB bewaard). Het antwoord op de upload noemt elke foute regel; " +
                "verbeter het bestand en upload het opnieuw."]));
        }

        return opgeslagen.ToString();
    }

    private static string Regel(string[] velden)
    {
        using var schrijver = new StringWriter(CultureInfo.InvariantCulture);
        // Injection escaping: the file is opened in spreadsheets, and a cell starting with '=' must stay text.
        using (var csv = CsvWriter.Create(schrijver, FoutenOpties, leaveOpen: true))
        {
            csv.WriteRecord(velden);
        }

        return schrijver.ToString();
    }

    /// <summary>The name as shown to the user: no directories, no control characters, bounded; never used as a path.</summary>
    internal static string Weergavenaam(string? naam)
    {
        var kaal = (naam ?? string.Empty).Replace('\\', '/');
        kaal = kaal[(kaal.LastIndexOf('/') + 1)..];
        kaal = new string(kaal.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (kaal.Length == 0) kaal = "presentielijst.csv";
        return kaal.Length > 200 ? kaal[..200] : kaal;
    }
}
