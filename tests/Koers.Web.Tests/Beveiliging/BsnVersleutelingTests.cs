using System.Globalization;
using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Koers.Data;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Data.Versleuteling;
using Koers.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using BsnWaarde = Koers.Domain.Identity.Bsn;
using VNummerWaarde = Koers.Domain.Identity.VNummer;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// BSNs and V-nummers encrypted at rest (issue #15), on both providers, seen from the database (raw SQL, around the
/// app) and from the app: nothing readable is stored, the app shows and finds what it did before, clear rows from
/// before encryption are encrypted at start-up, and keys can be rotated and old keys removed.
/// </summary>
public abstract partial class BsnVersleutelingTests<TFactory>(TFactory factory) where TFactory : KoersFactory, new()
{
    private static readonly Random Toeval = new();

    private static string NieuwVNummer() => "20" + Toeval.Next(10_000_000, 99_999_999);

    private static async Task<string> RegistreerAsync(HttpClient client, string bsn, string? vnummer = null, string achternaam = "Proefpersoon")
    {
        var invoer = Testdata.Inburgeraar(bsn: bsn);
        invoer["vNummer"] = vnummer;
        invoer["achternaam"] = achternaam;
        var antwoord = await client.PostJsonAsync("/api/v1/inburgeraars", invoer);
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        return (await antwoord.LeesAsync())["id"]!.GetValue<string>();
    }

    private static async Task<string?> BsnViaApiAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync())["bsn"]?.GetValue<string>();

    // ---------------------------------------------------------------- raw SQL, past the app

    private static T MetDb<T>(IServiceProvider services, Func<KoersDbContext, T> werk)
    {
        using var scope = services.CreateScope();
        return werk(scope.ServiceProvider.GetRequiredService<KoersDbContext>());
    }

    private static List<object?[]> Rauw(IServiceProvider services, string sql, params object[] parameters) => MetDb(services, db =>
    {
        var verbinding = db.Database.GetDbConnection();
        verbinding.Open();
        try
        {
            using var cmd = verbinding.CreateCommand();
            cmd.CommandText = sql;
            for (var i = 0; i < parameters.Length; i++) Parameter(cmd, "@p" + i, parameters[i]);
            using var rd = cmd.ExecuteReader();
            var rijen = new List<object?[]>();
            while (rd.Read())
            {
                var rij = new object?[rd.FieldCount];
                for (var k = 0; k < rij.Length; k++) rij[k] = rd.IsDBNull(k) ? null : rd.GetValue(k);
                rijen.Add(rij);
            }

            return rijen;
        }
        finally
        {
            verbinding.Close();
        }
    });

    private static void Parameter(DbCommand cmd, string naam, object waarde)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = naam;
        p.Value = waarde;
        cmd.Parameters.Add(p);
    }

    private static string? Waarde(IServiceProvider services, string sql, params object[] parameters) =>
        Rauw(services, sql, parameters).SingleOrDefault()?[0] as string;

    /// <summary>Every text column of every table, read from the database's own catalogue.</summary>
    private List<(string Tabel, string Kolom)> TekstKolommen(IServiceProvider services) =>
        Rauw(services, factory.Provider == DatabaseProvider.Postgres
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND upper(p.type) = 'TEXT'")
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    /// <summary>The protected columns as the model maps them: (table, column).</summary>
    private static List<(string Tabel, string Kolom)> BeschermdeKolommen(IServiceProvider services) => MetDb(services, db =>
        db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.GetValueConverter() is IBeschermdeConverter).Select(p => (t.GetTableName()!, p.GetColumnName())))
            .ToList());

    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex NegenCijfers();

    private static bool Elfproef(string negen)
    {
        var som = 0;
        for (var i = 0; i < 8; i++) som += (9 - i) * (negen[i] - '0');
        som -= negen[8] - '0';
        return som != 0 && som % 11 == 0;
    }

    // ---------------------------------------------------------------- tests

    [Fact]
    public async Task De_database_bevat_het_bsn_en_vnummer_nergens_in_klare_tekst_en_geen_enkel_elfproef_nummer_in_de_beschermde_kolommen()
    {
        var client = factory.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var vnummer = NieuwVNummer();
        var id = Guid.Parse(await RegistreerAsync(client, bsn, vnummer));
        // The other tables that carry a BSN, written through the app's context (converter and index upkeep included).
        factory.MetDatabase(db =>
        {
            db.DuoNotificaties.Add(new DuoNotificatie
            {
                BerichtId = Guid.NewGuid(), GebeurtenisId = "SS131", RegistratieDatumTijd = DateTime.UtcNow, Bsn = BsnWaarde.Parse(bsn), VNummer = VNummerWaarde.Parse(vnummer),
                Persoonssleutel = "wordt-berekend", Afzender = "00000001888888888000", OntvangenOp = DateTime.UtcNow, Status = InboxStatus.Afgehandeld,
                Resultaat = id.ToString(),
            });
            db.DuoUitgaandeBerichten.Add(new DuoUitgaandBericht
            {
                Id = Guid.NewGuid(), InburgeraarId = id, Soort = OutboxSoort.Pip, Pad = $"personen/{bsn}/PIP", Methode = "POST", InhoudJson = "{}",
                Omschrijving = "PIP", Status = OutboxStatus.Verzonden, AangemaaktOp = DateTime.UtcNow, AangemaaktDoor = "test",
            });
            db.Urenuploads.Add(new Urenupload
            {
                Id = Guid.NewGuid(), PartnerorganisatieId = db.Partnerorganisaties.Select(p => p.Id).First(), Bestandsnaam = "uren.csv", Sha256 = new string('0', 64),
                FoutenCsv = $"regel;reden;bsn;week\n2;geen machtiging;{bsn};2026-W24\n", Op = DateTime.UtcNow, Door = "test",
            });
            return db.SaveChanges();
        });

        var alles = factory.Services;
        foreach (var (tabel, kolom) in TekstKolommen(alles))
        {
            foreach (var nummer in new[] { bsn, vnummer })
            {
                var aantal = Rauw(alles, $"SELECT COUNT(*) FROM \"{tabel}\" WHERE \"{kolom}\" LIKE '%' || @p0 || '%'", nummer).Single()[0];
                Assert.True(Convert.ToInt64(aantal, CultureInfo.InvariantCulture) == 0, $"{tabel}.{kolom} bevat een BSN of V-nummer in klare tekst");
            }
        }

        // Not only this test's number: no row (demo data included) holds anything that looks like a BSN.
        var beschermd = BeschermdeKolommen(alles);
        Assert.Equal(8, beschermd.Count); // BSN, V-nummer and their kin in six columns, and the participation answers: value (h-vragen) and option code (h-keuzes)
        var gelezen = 0;
        foreach (var (tabel, kolom) in beschermd)
        {
            foreach (var rij in Rauw(alles, $"SELECT \"{kolom}\" FROM \"{tabel}\" WHERE \"{kolom}\" IS NOT NULL"))
            {
                var opgeslagen = (string)rij[0]!;
                Assert.Matches("^v1:[A-Za-z0-9+/]+=*$", opgeslagen);
                Assert.DoesNotContain(NegenCijfers().Matches(opgeslagen), m => Elfproef(m.Value));
                gelezen++;
            }
        }

        Assert.True(gelezen > 60, "de demodata en dit dossier zijn gelezen");
        var b = factory.MetDatabase(db => db.Bescherming());
        Assert.Equal(b.Index(Nummersoort.Bsn, bsn), Waarde(alles, "SELECT \"Persoonssleutel\" FROM duo_notificatie WHERE \"Resultaat\" = @p0", id.ToString()));
        Assert.Equal(b.Index(Nummersoort.Bsn, bsn), Waarde(alles, "SELECT \"BsnIndex\" FROM inburgeraar WHERE \"Id\" = @p0", factory.Provider == DatabaseProvider.Postgres ? id : id.ToString().ToUpperInvariant()));
    }

    [Fact]
    public void De_waardetypen_slaan_dezelfde_versleutelde_tekst_op_als_de_tekstkolommen_van_voorheen_en_het_dossier_blijft_op_bsn_vindbaar()
    {
        var alles = factory.Services;
        var b = factory.MetDatabase(db => db.Bescherming());
        var bsn = Testdata.NieuwBsn();
        // Leading zeros: DUO sends the V-nummer as a number, and the former long property stored it without them.
        var vnummer = "00" + Toeval.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        var getal = long.Parse(vnummer, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        var merk = "Waardetype" + Toeval.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var id = Guid.NewGuid();
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Add(new Koers.Data.Model.Inburgeraar
            {
                Id = id, Voornamen = "Test", Achternaam = merk, Nationaliteit = "Eritrese", GemeenteId = db.Gemeenten.Select(g => g.Id).First(),
                Bsn = BsnWaarde.Parse(bsn), VNummer = VNummerWaarde.Parse(vnummer),
            });
            db.DuoNotificaties.Add(new DuoNotificatie
            {
                BerichtId = Guid.NewGuid(), GebeurtenisId = "SS131", RegistratieDatumTijd = DateTime.UtcNow, VNummer = VNummerWaarde.Parse(vnummer),
                Persoonssleutel = "wordt-berekend", Afzender = "00000001888888888000", OntvangenOp = DateTime.UtcNow, Status = InboxStatus.Afgehandeld, Resultaat = merk,
            });
            return db.SaveChanges();
        });

        // 1. In the columns: the same clear text inside the same v1: ciphertext as the string and long properties wrote.
        var rij = Rauw(alles, "SELECT \"Bsn\", \"VNummer\", \"BsnIndex\", \"VNummerIndex\" FROM inburgeraar WHERE \"Achternaam\" = @p0", merk).Single();
        Assert.StartsWith("v1:", (string)rij[0]!);
        Assert.Equal(bsn, b.Ontsleutel((string)rij[0]!));
        Assert.Equal(vnummer, b.Ontsleutel((string)rij[1]!));
        Assert.Equal(b.Index(Nummersoort.Bsn, bsn), rij[2]);
        Assert.Equal(b.Index(Nummersoort.VNummer, vnummer), rij[3]);
        var duo = Rauw(alles, "SELECT \"VNummer\", \"Persoonssleutel\" FROM duo_notificatie WHERE \"Resultaat\" = @p0", merk).Single();
        Assert.StartsWith("v1:", (string)duo[0]!);
        Assert.Equal(getal, b.Ontsleutel((string)duo[0]!));
        Assert.Equal(b.Persoonssleutel(null, long.Parse(vnummer, CultureInfo.InvariantCulture)), duo[1]);

        // 2. Values as the former properties wrote them (the digits encrypted as text, outside the model) read back as the value types.
        Rauw(alles, "UPDATE inburgeraar SET \"Bsn\" = @p0, \"VNummer\" = @p1 WHERE \"Achternaam\" = @p2", b.Versleutel(bsn), b.Versleutel(vnummer), merk);
        Rauw(alles, "UPDATE duo_notificatie SET \"VNummer\" = @p0 WHERE \"Resultaat\" = @p1", b.Versleutel(getal), merk);

        // 3. Found by BSN and by V-nummer through the blind index; the numbers come back whole, and print masked.
        var gevonden = factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().MetBsn(b, BsnWaarde.Parse(bsn)).Single());
        Assert.Equal(id, gevonden.Id);
        Assert.Equal(BsnWaarde.Parse(bsn), gevonden.Bsn);
        Assert.Equal(vnummer, gevonden.VNummer?.Value);
        Assert.Equal("******" + bsn[^3..], $"{gevonden.Bsn}");
        Assert.Equal(id, factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().MetVNummer(b, VNummerWaarde.Parse(vnummer)).Single().Id));
        Assert.Equal(VNummerWaarde.Parse(vnummer), factory.MetDatabase(db => db.DuoNotificaties.AsNoTracking().Single(n => n.Resultaat == merk).VNummer));

    }

    [Fact]
    public void Zoeken_op_bsn_of_vnummer_vergelijkt_de_index_met_parameters_zonder_null_tak()
    {
        var b = factory.MetDatabase(db => db.Bescherming());
        var bsn = BsnWaarde.Parse(Testdata.NieuwBsn());
        var vnummer = VNummerWaarde.Parse("00" + Toeval.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture));
        var id = Guid.NewGuid();
        factory.MetDatabase(db =>
        {
            db.Inburgeraars.Add(new Koers.Data.Model.Inburgeraar
            {
                Id = id, Voornamen = "Test", Achternaam = "Indexzoeker", Nationaliteit = "Eritrese", GemeenteId = db.Gemeenten.Select(g => g.Id).First(),
                Bsn = bsn, VNummer = vnummer,
            });
            return db.SaveChanges();
        });

        // Found by either number, by both, and not by neither.
        Assert.Equal(id, factory.MetDatabase(db => db.Inburgeraars.MetBsnOfVNummer(b, bsn, null).Single().Id));
        Assert.Equal(id, factory.MetDatabase(db => db.Inburgeraars.MetBsnOfVNummer(b, null, vnummer).Single().Id));
        Assert.Equal(id, factory.MetDatabase(db => db.Inburgeraars.MetBsnOfVNummer(b, bsn, vnummer).Single().Id));
        Assert.Empty(factory.MetDatabase(db => db.Inburgeraars.MetBsnOfVNummer(b, null, null).ToList()));

        // The SQL compares the index columns with parameters only: no "column IS NULL" branch, which made PostgreSQL's
        // generic plan read every case (bench/README.md, "DUO inbox").
        var sql = factory.MetDatabase(db => db.Inburgeraars.MetBsnOfVNummer(b, bsn, vnummer).Select(i => i.Id).ToQueryString());
        Assert.DoesNotContain("IS NULL", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("array_position", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("\"BsnIndex\" = @", sql);
        Assert.Matches("\"VNummerIndex\" = @", sql);
    }

    [Fact]
    public async Task Een_opgeslagen_bsn_dat_de_elfproef_niet_haalt_houdt_het_dossier_leesbaar_en_wordt_gemeld()
    {
        // As an earlier system's bulk load could leave it: nine digits that fail the elfproef, encrypted outside the model.
        var client = factory.CreateClient();
        var merk = "Elfproef" + Toeval.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var id = await RegistreerAsync(client, Testdata.NieuwBsn(), NieuwVNummer(), merk);
        var b = factory.MetDatabase(db => db.Bescherming());
        const string fout = "123456789";
        Assert.False(BsnWaarde.TryParse(fout, out _, out _));
        Rauw(factory.Services, "UPDATE inburgeraar SET \"Bsn\" = @p0 WHERE \"Achternaam\" = @p1", b.Versleutel(fout), merk);

        var json = await (await client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync();
        Assert.Equal(fout, json["bsn"]!.GetValue<string>());
        var pagina = await client.GetAsync($"/inburgeraars/{id}");
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        var html = await pagina.Content.ReadAsStringAsync();
        Assert.Contains("******789", html);
        Assert.Contains("Voldoet niet aan de elfproef", html);
        Assert.False(factory.MetDatabase(db => db.Inburgeraars.AsNoTracking().Single(i => i.Id == Guid.Parse(id)).Bsn!.Value.VoldoetAanElfproef));

        // Damage that is not nine digits still throws, without the value in the message.
        var kapot = Assert.Throws<FormatException>(() => BsnWaarde.UitOpslag("12345678x"));
        Assert.DoesNotContain("12345678", kapot.Message);
    }

    [Fact]
    public async Task Api_en_dossierpagina_tonen_het_bsn_zoals_voorheen_en_de_duo_berichten_worden_via_de_index_gevonden()
    {
        var client = factory.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var vnummer = NieuwVNummer();
        var id = await RegistreerAsync(client, bsn, vnummer);

        var json = await (await client.GetAsync($"/api/v1/inburgeraars/{id}")).LeesAsync();
        Assert.Equal(bsn, json["bsn"]!.GetValue<string>());
        Assert.Equal(vnummer, json["vNummer"]!.GetValue<string>());

        var pagina = await (await client.GetAsync($"/inburgeraars/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("******" + bsn[^3..], pagina);
        Assert.DoesNotContain(bsn, pagina);

        // A DUO event for this BSN that is not linked to the case (yet) is still shown with it: found by Persoonssleutel.
        factory.MetDatabase(db =>
        {
            db.DuoNotificaties.Add(new DuoNotificatie
            {
                BerichtId = Guid.NewGuid(), GebeurtenisId = "SS199", RegistratieDatumTijd = DateTime.UtcNow, Bsn = BsnWaarde.Parse(bsn), Persoonssleutel = "wordt-berekend",
                Afzender = "00000001888888888000", OntvangenOp = DateTime.UtcNow, Status = InboxStatus.Geparkeerd,
            });
            return db.SaveChanges();
        });
        var duo = await (await client.GetAsync($"/api/v1/inburgeraars/{id}/duo")).LeesAsync();
        var ontvangen = Assert.Single(duo["ontvangen"]!.AsArray());
        Assert.Equal("******" + bsn[^3..], ontvangen!["bsnGemaskeerd"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonimiseren_wist_het_bsn_en_ook_de_blinde_index_zodat_het_dossier_niet_meer_op_bsn_te_vinden_is()
    {
        var client = factory.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var invoer = Testdata.Inburgeraar(bsn: bsn, koppelingsdatum: "2022-01-10");
        var id = (await (await client.PostJsonAsync("/api/v1/inburgeraars", invoer)).LeesAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/inburgeringsplichtVoldaan", new { datum = "2024-03-01", reden = "Examens gehaald" })).StatusCode);
        Assert.Single(factory.MetDatabase(db => db.InburgeraarsMetBsn(bsn).ToList()));

        var uitgevoerd = await (await factory.ClientAls("beheer@kempen.example").PostAsync("/api/v1/beheer/bewaartermijn/uitvoeren", null)).LeesAsync();
        Assert.True(uitgevoerd["geanonimiseerd"]!.GetValue<int>() >= 1);

        Assert.Null(await BsnViaApiAsync(client, id));
        Assert.Empty(factory.MetDatabase(db => db.InburgeraarsMetBsn(bsn).ToList()));
        var rij = Rauw(factory.Services, "SELECT \"Bsn\", \"BsnIndex\", \"VNummer\", \"VNummerIndex\" FROM inburgeraar WHERE \"Voornamen\" = 'Geanonimiseerd'");
        Assert.NotEmpty(rij);
        Assert.All(rij, r => Assert.All(r, Assert.Null));
        // The number is free again: a new case with it is not refused as a duplicate.
        await RegistreerAsync(client, bsn);
    }

    [Fact]
    public async Task Een_rij_van_voor_de_versleuteling_wordt_bij_de_start_versleuteld_en_is_daarna_vindbaar()
    {
        var client = factory.CreateClient();
        var bsn = Testdata.NieuwBsn();
        var vnummer = NieuwVNummer();
        var merk = "Klaar" + Guid.NewGuid().ToString("N")[..8];
        var id = await RegistreerAsync(client, bsn, vnummer, merk);
        factory.MetDatabase(db =>
        {
            db.DuoNotificaties.Add(new DuoNotificatie
            {
                BerichtId = Guid.NewGuid(), GebeurtenisId = "SS131", RegistratieDatumTijd = DateTime.UtcNow, Bsn = BsnWaarde.Parse(bsn), VNummer = VNummerWaarde.Parse(vnummer), Persoonssleutel = "-",
                Afzender = "00000001888888888000", OntvangenOp = DateTime.UtcNow, Status = InboxStatus.Afgehandeld, Resultaat = merk,
            });
            db.DuoUitgaandeBerichten.Add(new DuoUitgaandBericht
            {
                Id = Guid.NewGuid(), InburgeraarId = Guid.Parse(id), Soort = OutboxSoort.Pip, Pad = "-", Methode = "POST", InhoudJson = "{}",
                Omschrijving = merk, Status = OutboxStatus.Verzonden, AangemaaktOp = DateTime.UtcNow, AangemaaktDoor = "test",
            });
            db.Urenuploads.Add(new Urenupload
            {
                Id = Guid.NewGuid(), PartnerorganisatieId = db.Partnerorganisaties.Select(p => p.Id).First(), Bestandsnaam = merk, Sha256 = new string('0', 64),
                FoutenCsv = "-", Op = DateTime.UtcNow, Door = "test",
            });
            return db.SaveChanges();
        });

        // What an older Koers left behind: clear numbers, no blind index, the old "B:" person key.
        var alles = factory.Services;
        Rauw(alles, "UPDATE inburgeraar SET \"Bsn\" = @p0, \"VNummer\" = @p1, \"BsnIndex\" = NULL, \"VNummerIndex\" = NULL WHERE \"Achternaam\" = @p2", bsn, vnummer, merk);
        Rauw(alles, "UPDATE duo_notificatie SET \"Bsn\" = @p0, \"VNummer\" = @p1, \"Persoonssleutel\" = @p2 WHERE \"Resultaat\" = @p3", bsn, long.Parse(vnummer, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), "B:" + bsn, merk);
        Rauw(alles, "UPDATE duo_uitgaand_bericht SET \"Pad\" = @p0 WHERE \"Omschrijving\" = @p1", $"personen/{bsn}/PIP", merk);
        Rauw(alles, "UPDATE urenupload SET \"FoutenCsv\" = @p0 WHERE \"Bestandsnaam\" = @p1", $"regel;reden;bsn\n2;geen machtiging;{bsn}\n", merk);
        Assert.Equal(bsn, Waarde(alles, "SELECT \"Bsn\" FROM inburgeraar WHERE \"Achternaam\" = @p0", merk));
        // Before the restart the case cannot be found by BSN (no index): the duplicate check would miss it.
        Assert.Empty(factory.MetDatabase(db => db.InburgeraarsMetBsn(bsn).ToList()));

        using var herstart = factory.WithWebHostBuilder(_ => { });
        var nieuw = herstart.Services;
        foreach (var (sql, waarde) in new[]
                 {
                     ("SELECT \"Bsn\" FROM inburgeraar WHERE \"Achternaam\" = @p0", "v1:"),
                     ("SELECT \"VNummer\" FROM inburgeraar WHERE \"Achternaam\" = @p0", "v1:"),
                     ("SELECT \"Bsn\" FROM duo_notificatie WHERE \"Resultaat\" = @p0", "v1:"),
                     ("SELECT \"VNummer\" FROM duo_notificatie WHERE \"Resultaat\" = @p0", "v1:"),
                     ("SELECT \"Persoonssleutel\" FROM duo_notificatie WHERE \"Resultaat\" = @p0", "1:"),
                     ("SELECT \"Pad\" FROM duo_uitgaand_bericht WHERE \"Omschrijving\" = @p0", "v1:"),
                     ("SELECT \"FoutenCsv\" FROM urenupload WHERE \"Bestandsnaam\" = @p0", "v1:"),
                 })
        {
            var opgeslagen = Waarde(nieuw, sql, merk);
            Assert.StartsWith(waarde, opgeslagen);
            Assert.DoesNotContain(bsn, opgeslagen);
        }

        var b = MetDb(nieuw, db => db.Bescherming());
        Assert.Equal(b.Index(Nummersoort.Bsn, bsn), Waarde(nieuw, "SELECT \"BsnIndex\" FROM inburgeraar WHERE \"Achternaam\" = @p0", merk));
        Assert.Equal(id, MetDb(nieuw, db => db.InburgeraarsMetBsn(bsn).Single().Id.ToString()));
        Assert.Equal(id, MetDb(nieuw, db => db.InburgeraarsMetVNummer(vnummer).Single().Id.ToString()));
        Assert.Equal($"personen/{bsn}/PIP", MetDb(nieuw, db => db.DuoUitgaandeBerichten.Single(u => u.Omschrijving == merk).Pad));
        Assert.Equal(VNummerWaarde.Parse(vnummer), MetDb(nieuw, db => db.DuoNotificatiesVan(bsn).Single().VNummer));
        Assert.Equal(bsn, await BsnViaApiAsync(herstart.CreateClient(), id));
        var dubbel = await herstart.CreateClient().PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsn));
        Assert.Equal(HttpStatusCode.BadRequest, dubbel.StatusCode);

        // Idempotent: another start changes nothing.
        var voor = Waarde(nieuw, "SELECT \"Bsn\" FROM inburgeraar WHERE \"Achternaam\" = @p0", merk);
        using var nogEens = factory.WithWebHostBuilder(_ => { });
        Assert.Equal(voor, Waarde(nogEens.Services, "SELECT \"Bsn\" FROM inburgeraar WHERE \"Achternaam\" = @p0", merk));
    }

    /// <summary>A language school in the Kempen region with one user and consent for the hours of the given cases; returns the user's e-mail.</summary>
    private static async Task<string> PartnerMetMachtigingAsync(IServiceProvider services, Guid[] dossiers)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KoersDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Koers.Data.Model.Gebruiker>>();
        var email = $"partner-{Guid.NewGuid():N}@taal.example";
        var org = new Partnerorganisatie { Naam = "Taalschool rotatie", Soort = Partnersoort.Taalaanbieder, RegioId = db.Regios.Single(r => r.Naam.Contains("Kempen")).Id };
        db.Partnerorganisaties.Add(org);
        await db.SaveChangesAsync();
        foreach (var id in dossiers)
        {
            db.Machtigingen.Add(new Machtiging
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PartnerorganisatieId = org.Id, Categorieen = Gegevenscategorie.Basisgegevens | Gegevenscategorie.Voortgang,
                Van = new DateOnly(2026, 1, 1), Vorm = "Ondertekend formulier", VastgelegdOp = DateTime.UtcNow, VastgelegdDoor = "test",
            });
        }

        await db.SaveChangesAsync();
        var gebruiker = new Koers.Data.Model.Gebruiker { UserName = email, Email = email, Weergavenaam = "Docent rotatie", PartnerorganisatieId = org.Id };
        Assert.True((await users.CreateAsync(gebruiker)).Succeeded);
        await users.AddToRoleAsync(gebruiker, Koers.Data.Model.Rollen.Partner);
        return email;
    }

    private static WebApplicationFactory<Program> Met(KoersFactory basis, params (string Sleutel, string Waarde)[] instellingen) =>
        basis.WithWebHostBuilder(b =>
        {
            foreach (var (sleutel, waarde) in instellingen) b.UseSetting(sleutel, waarde);
        });

    /// <summary>Every stored ciphertext and index prefix on this database: ("v1:", 12), ("1:", 80) …</summary>
    private static Dictionary<string, int> Voorvoegsels(IServiceProvider services)
    {
        var teller = new Dictionary<string, int>();
        var kolommen = BeschermdeKolommen(services)
            .Concat([("inburgeraar", "BsnIndex"), ("inburgeraar", "VNummerIndex"), ("duo_notificatie", "Persoonssleutel")]);
        foreach (var (tabel, kolom) in kolommen)
        {
            foreach (var rij in Rauw(services, $"SELECT \"{kolom}\" FROM \"{tabel}\" WHERE \"{kolom}\" IS NOT NULL"))
            {
                var waarde = (string)rij[0]!;
                var voorvoegsel = waarde[..(waarde.IndexOf(':') + 1)];
                teller[voorvoegsel] = teller.GetValueOrDefault(voorvoegsel) + 1;
            }
        }

        return teller;
    }

    [Fact]
    public async Task Sleutelrotatie_oud_blijft_leesbaar_nieuw_krijgt_sleutel_2_herversleutelen_laat_geen_v1_over_en_daarna_kan_sleutel_1_weg()
    {
        // Its own database: this test changes the keys of every row.
        using var eigen = new TFactory();
        var client = eigen.CreateClient();
        var bsnOud = Testdata.NieuwBsn();
        var vnummerOud = NieuwVNummer();
        var idOud = await RegistreerAsync(client, bsnOud, vnummerOud);
        eigen.MetDatabase(db =>
        {
            db.DuoNotificaties.Add(new DuoNotificatie
            {
                BerichtId = Guid.NewGuid(), GebeurtenisId = "SS131", RegistratieDatumTijd = DateTime.UtcNow, Bsn = BsnWaarde.Parse(bsnOud), Persoonssleutel = "-",
                Afzender = "00000001888888888000", OntvangenOp = DateTime.UtcNow, Status = InboxStatus.Afgehandeld,
            });
            return db.SaveChanges();
        });
        Assert.Equal(new[] { "1:", "v1:" }, Voorvoegsels(eigen.Services).Keys.Order(StringComparer.Ordinal).ToArray());
        var metBsn = eigen.MetDatabase(db => db.Inburgeraars.Count(i => i.Bsn != null));

        // 1. Key 2 is added and made active; the index key stays. Old rows readable and findable, new ones under key 2.
        string bsnNieuw = Testdata.NieuwBsn(), idNieuw;
        using (var tweede = Met(eigen, ("Koers:Bsn:Sleutels:2", TestSleutels.Sleutel2), ("Koers:Bsn:ActieveSleutel", "2")))
        {
            var c = tweede.CreateClient();
            Assert.Equal(bsnOud, await BsnViaApiAsync(c, idOud));
            Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsnOud))).StatusCode);
            idNieuw = await RegistreerAsync(c, bsnNieuw);
            var v = Voorvoegsels(tweede.Services);
            Assert.True(v["v2:"] >= 1 && v["v1:"] > 60, string.Join(", ", v));
        }

        // 1b. Index key 2 added and made active, nothing re-indexed yet: a partner's CSV finds the case by its BSN although
        // the case's blind index is still the one under key 1 (the upload matches the found cases on every index of the
        // number, not on the decrypted number), and a second case under the new key alike.
        using (var indexTwee = Met(eigen, ("Koers:Bsn:Sleutels:2", TestSleutels.Sleutel2), ("Koers:Bsn:ActieveSleutel", "2"),
                   ("Koers:Bsn:IndexSleutels:2", TestSleutels.IndexSleutel2), ("Koers:Bsn:ActieveIndexSleutel", "2")))
        {
            var c = indexTwee.CreateClient();
            var bsnTwee = Testdata.NieuwBsn();
            var idTwee = await RegistreerAsync(c, bsnTwee);
            Assert.Equal(new[] { "1:", "2:" }, Voorvoegsels(indexTwee.Services).Keys.Where(k => !k.StartsWith('v')).Order(StringComparer.Ordinal).ToArray());
            var partner = await PartnerMetMachtigingAsync(indexTwee.Services, [Guid.Parse(idOud), Guid.Parse(idTwee)]);
            var upload = new MultipartFormDataContent();
            var bestand = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"bsn;week;soort;uren\n{bsnOud};2026-W24;taal;6\n{bsnTwee};2026-W24;taal;5\n"));
            bestand.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            upload.Add(bestand, "bestand", "uren.csv");
            c.DefaultRequestHeaders.Remove(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header);
            c.DefaultRequestHeaders.Add(Koers.Web.Features.Beveiliging.TestAuthenticatie.Header, partner);
            var antwoord = await (await c.PostAsync("/api/v1/partner/uren/csv", upload)).LeesAsync();
            Assert.Equal(new[] { "toegevoegd", "toegevoegd" }, antwoord["resultaten"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()).ToArray());
        }

        // 2. The index key is rotated too, and the restart re-encrypts and re-indexes everything (Koers:Bsn:Herversleutel=true).
        (string, string)[] beide =
        [
            ("Koers:Bsn:Sleutels:2", TestSleutels.Sleutel2), ("Koers:Bsn:ActieveSleutel", "2"),
            ("Koers:Bsn:IndexSleutels:2", TestSleutels.IndexSleutel2), ("Koers:Bsn:ActieveIndexSleutel", "2"),
        ];
        using (var herversleuteld = Met(eigen, [.. beide, ("Koers:Bsn:Herversleutel", "true")]))
        {
            var v = Voorvoegsels(herversleuteld.Services);
            Assert.Equal(new[] { "2:", "v2:" }, v.Keys.Order(StringComparer.Ordinal).ToArray());
        }

        // 3. Key 1 and index key 1 removed: everything still readable and findable.
        using (var zonderEen = Met(eigen, [.. beide, ("Koers:Bsn:Sleutels:1", ""), ("Koers:Bsn:IndexSleutels:1", "")]))
        {
            var b = MetDb(zonderEen.Services, db => db.Bescherming());
            Assert.Equal(new[] { "2" }, b.Sleutels.ToArray());
            Assert.Equal(new[] { "2" }, b.IndexSleutels.ToArray());
            var c = zonderEen.CreateClient();
            Assert.Equal(bsnOud, await BsnViaApiAsync(c, idOud));
            Assert.Equal(bsnNieuw, await BsnViaApiAsync(c, idNieuw));
            Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsnOud))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await c.PostJsonAsync("/api/v1/inburgeraars", Testdata.Inburgeraar(bsn: bsnNieuw))).StatusCode);
            Assert.Equal(idOud, MetDb(zonderEen.Services, db => db.InburgeraarsMetVNummer(vnummerOud).Single().Id.ToString()));
            Assert.Equal(b.Index(Nummersoort.Bsn, bsnOud), MetDb(zonderEen.Services, db => db.DuoNotificatiesVan(bsnOud).Single().Persoonssleutel));
            Assert.Equal(metBsn + 2, MetDb(zonderEen.Services, db => db.Inburgeraars.Where(i => i.Bsn != null).Select(i => i.Bsn).ToList()).Count);
        }

        // 4. Going back to key 1 alone is refused at start, naming the key the data needs.
        using var terug = Met(eigen, ("Koers:Bsn:Sleutels:2", ""), ("Koers:Bsn:IndexSleutels:2", ""));
        var fout = Assert.ThrowsAny<Exception>(() => terug.Services);
        Assert.Contains("Koers:Bsn:Sleutels:2", fout.GetBaseException().Message);
    }
}

public sealed class SqliteBsnVersleutelingTests(SqliteFactory factory) : BsnVersleutelingTests<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresBsnVersleutelingTests(PostgresFactory factory) : BsnVersleutelingTests<PostgresFactory>(factory), IClassFixture<PostgresFactory>;

/// <summary>Start-up refusals; the provider does not matter, the app stops before it opens the database.</summary>
public sealed class BsnSleutelStartTests
{
    [Fact]
    public void Productie_start_niet_zonder_bsn_sleutels()
    {
        using var basis = new SqliteFactory();
        using var app = basis.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Koers:Bsn:Sleutels:1", "");
            b.UseSetting("Koers:Bsn:IndexSleutels:1", "");
        });
        var fout = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.IsType<BsnSleutelFout>(fout.GetBaseException());
        Assert.Contains("Koers:Bsn:Sleutels:1", fout.GetBaseException().Message);
    }

    [Fact]
    public void Productie_start_niet_met_de_openbare_ontwikkelsleutel()
    {
        using var basis = new SqliteFactory();
        using var app = basis.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Koers:Bsn:Sleutels:1", BsnBescherming.Ontwikkelsleutels[0]);
            b.UseSetting("Koers:Bsn:IndexSleutels:1", BsnBescherming.Ontwikkelsleutels[1]);
        });
        var fout = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("ontwikkelsleutel", fout.GetBaseException().Message);
    }
}
