using System.Security.Cryptography;
using System.Text;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Versleuteling;
using Koers.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using BsnWaarde = Koers.Domain.Identity.Bsn;
using VNummerWaarde = Koers.Domain.Identity.VNummer;

namespace Koers.Web.Tests.Beveiliging;

/// <summary>
/// The BSN encryption and blind index on their own (no app, no database; the last tests use an in-memory SQLite
/// context): what each protection promises, one test each.
/// </summary>
public sealed class BsnBeschermingTests
{
    private const string Bsn = "123456782";

    private static byte[] Sleutel(string base64) => Convert.FromBase64String(base64);

    private static BsnBescherming Met(Dictionary<string, string> sleutels, string actief, Dictionary<string, string>? indexSleutels = null, string actieveIndex = "1") => new(
        sleutels.ToDictionary(k => k.Key, k => Sleutel(k.Value)), actief,
        (indexSleutels ?? new() { ["1"] = TestSleutels.IndexSleutel1 }).ToDictionary(k => k.Key, k => Sleutel(k.Value)), actieveIndex);

    private static BsnBescherming Sleutel1() => Met(new() { ["1"] = TestSleutels.Sleutel1 }, "1");

    [Fact]
    public void Versleutelen_met_willekeurige_nonce_geeft_elke_keer_een_andere_tekst_zonder_het_bsn()
    {
        var b = Sleutel1();
        var een = b.Versleutel(Bsn);
        var twee = b.Versleutel(Bsn);
        Assert.NotEqual(een, twee);
        Assert.StartsWith("v1:", een);
        Assert.DoesNotContain(Bsn, een);
        Assert.Equal(Bsn, b.Ontsleutel(een));
        Assert.Equal(Bsn, b.Ontsleutel(twee));
        // nonce (12) + 9 bytes + tag (16), base64
        Assert.Equal(37, Convert.FromBase64String(een[3..]).Length);
    }

    /// <summary>
    /// The OpenSSL contexts are kept per thread and key (issue #21); an AesGcm or HMAC context shared by two threads at once
    /// gives wrong results or fails (with one context shared by all threads this test failed within a second: "cipher
    /// operation failed"). Many threads encrypt, decrypt and index at the same time, each checked against the
    /// value and the index computed on one thread beforehand.
    /// </summary>
    [Fact]
    public void Versleutelen_ontsleutelen_en_indexeren_op_veel_threads_tegelijk_geeft_dezelfde_uitkomsten_als_op_een()
    {
        var b = Met(new() { ["1"] = TestSleutels.Sleutel1, ["2"] = TestSleutels.Sleutel2 }, "2",
            new() { ["1"] = TestSleutels.IndexSleutel1, ["2"] = TestSleutels.IndexSleutel2 }, "2");
        var oudeSleutel = Met(new() { ["1"] = TestSleutels.Sleutel1 }, "1");
        var waarden = Enumerable.Range(0, 400).Select(_ => Testdata.NieuwBsn()).ToArray();
        var indexen = waarden.Select(w => b.Indexen(Nummersoort.Bsn, w)).ToArray();
        var oud = waarden.Select(oudeSleutel.Versleutel).ToArray();
        var fouten = 0;
        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var n = i % waarden.Length;
            var ok = b.Ontsleutel(b.Versleutel(waarden[n])) == waarden[n]
                     && b.Ontsleutel(oud[n]) == waarden[n]
                     && b.Indexen(Nummersoort.Bsn, waarden[n]).SequenceEqual(indexen[n]);
            if (!ok) Interlocked.Increment(ref fouten);
        });
        Assert.Equal(0, fouten);
        Assert.Equal(2, indexen[0].Length);
    }

    [Fact]
    public void Een_gewijzigde_versleuteling_wordt_geweigerd_door_de_gcm_tag()
    {
        var b = Sleutel1();
        var bytes = Convert.FromBase64String(b.Versleutel(Bsn)[3..]);
        bytes[14] ^= 0x01; // a bit of the ciphertext itself
        Assert.Throws<BsnSleutelFout>(() => b.Ontsleutel("v1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Het_sleutel_id_in_het_voorvoegsel_is_meegeauthenticeerd()
    {
        // Two ids with the same material, so only the authenticated prefix tells them apart.
        var b = Met(new() { ["1"] = TestSleutels.Sleutel1, ["2"] = TestSleutels.Sleutel1 }, "1");
        var v1 = b.Versleutel(Bsn);
        Assert.Throws<BsnSleutelFout>(() => b.Ontsleutel("v2:" + v1[3..]));
    }

    [Fact]
    public void De_blinde_index_is_gesleuteld_deterministisch_en_per_nummersoort_gescheiden()
    {
        var b = Sleutel1();
        var index = b.Index(Nummersoort.Bsn, Bsn);
        Assert.Equal(index, b.Index(Nummersoort.Bsn, Bsn));
        Assert.StartsWith("1:", index);
        Assert.DoesNotContain(Bsn, index);
        // Not an unkeyed hash, which anyone could compute for all 10^9 BSNs.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Bsn))), index[2..]);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("bsn:" + Bsn))), index[2..]);
        // Another index key gives another index; the same digits as a V-nummer another one again.
        var ander = Met(new() { ["1"] = TestSleutels.Sleutel1 }, "1", new() { ["1"] = TestSleutels.IndexSleutel2 });
        Assert.NotEqual(index, ander.Index(Nummersoort.Bsn, Bsn));
        Assert.NotEqual(index[2..], b.Index(Nummersoort.VNummer, Bsn)[2..]);
    }

    [Fact]
    public void Na_sleutelrotatie_blijft_een_oude_versleuteling_leesbaar_en_krijgt_nieuw_werk_de_nieuwe_sleutel()
    {
        var oud = Sleutel1().Versleutel(Bsn);
        var geroteerd = Met(new() { ["1"] = TestSleutels.Sleutel1, ["2"] = TestSleutels.Sleutel2 }, "2",
            new() { ["1"] = TestSleutels.IndexSleutel1, ["2"] = TestSleutels.IndexSleutel2 }, "2");
        Assert.Equal(Bsn, geroteerd.Ontsleutel(oud));
        Assert.StartsWith("v2:", geroteerd.Versleutel(Bsn));
        // A lookup compares with the index under both index keys, active first, so rows not yet re-indexed are found.
        var indexen = geroteerd.Indexen(Nummersoort.Bsn, Bsn);
        Assert.Equal(new[] { geroteerd.Index(Nummersoort.Bsn, Bsn), Sleutel1().Index(Nummersoort.Bsn, Bsn) }, indexen);
        Assert.StartsWith("2:", indexen[0]);
    }

    [Fact]
    public void Een_versleuteling_met_een_niet_ingestelde_sleutel_geeft_een_duidelijke_fout()
    {
        var v2 = Met(new() { ["2"] = TestSleutels.Sleutel2 }, "2").Versleutel(Bsn);
        var fout = Assert.Throws<BsnSleutelFout>(() => Sleutel1().Ontsleutel(v2));
        Assert.Contains("Koers:Bsn:Sleutels:2", fout.Message);
    }

    [Fact]
    public void Een_waarde_zonder_voorvoegsel_is_klare_tekst_van_voor_de_versleuteling()
    {
        Assert.Null(BsnBescherming.SleutelVan(Bsn));
        Assert.Null(BsnBescherming.SleutelVan("personen/123456782/PIP"));
        Assert.Null(BsnBescherming.SleutelVan("vx:abc"));
        Assert.Equal("12", BsnBescherming.SleutelVan("v12:abc"));
        Assert.Equal(Bsn, Sleutel1().Ontsleutel(Bsn));
    }

    private static BsnBescherming UitConfiguratie(params (string Sleutel, string? Waarde)[] instellingen) =>
        BsnBescherming.UitConfiguratie(new ConfigurationBuilder().AddInMemoryCollection(instellingen.Select(i => KeyValuePair.Create(i.Sleutel, i.Waarde))).Build());

    [Fact]
    public void Zonder_sleutels_weigert_de_configuratie_met_een_melding_die_de_instelling_noemt()
    {
        var fout = Assert.Throws<BsnSleutelFout>(() => UitConfiguratie());
        Assert.Contains("Koers:Bsn:Sleutels:1", fout.Message);
        Assert.Contains("openssl rand -base64 32", fout.Message);
        Assert.Throws<BsnSleutelFout>(() => UitConfiguratie(("Koers:Bsn:Sleutels:1", TestSleutels.Sleutel1))); // no index key
    }

    [Fact]
    public void Een_sleutel_die_geen_256_bits_base64_is_wordt_geweigerd()
    {
        Assert.Contains("32 bytes", Assert.Throws<BsnSleutelFout>(() => UitConfiguratie(
            ("Koers:Bsn:Sleutels:1", Convert.ToBase64String(new byte[16])), ("Koers:Bsn:IndexSleutels:1", TestSleutels.IndexSleutel1))).Message);
        Assert.Contains("base64", Assert.Throws<BsnSleutelFout>(() => UitConfiguratie(
            ("Koers:Bsn:Sleutels:1", "geheim-wachtwoord!"), ("Koers:Bsn:IndexSleutels:1", TestSleutels.IndexSleutel1))).Message);
        Assert.Contains("cijfers", Assert.Throws<BsnSleutelFout>(() => UitConfiguratie(
            ("Koers:Bsn:Sleutels:a", TestSleutels.Sleutel1), ("Koers:Bsn:IndexSleutels:1", TestSleutels.IndexSleutel1))).Message);
        Assert.Contains("ActieveSleutel", Assert.Throws<BsnSleutelFout>(() => UitConfiguratie(
            ("Koers:Bsn:Sleutels:1", TestSleutels.Sleutel1), ("Koers:Bsn:Sleutels:2", TestSleutels.Sleutel2), ("Koers:Bsn:IndexSleutels:1", TestSleutels.IndexSleutel1))).Message);
        // With one key each, no active id needs to be named.
        var b = UitConfiguratie(("Koers:Bsn:Sleutels:1", TestSleutels.Sleutel1), ("Koers:Bsn:IndexSleutels:1", TestSleutels.IndexSleutel1));
        Assert.Equal(("1", "1"), (b.ActieveSleutel, b.ActieveIndexSleutel));
    }

    [Fact]
    public void Dezelfde_sleutel_voor_versleutelen_en_index_wordt_geweigerd()
    {
        Assert.Throws<BsnSleutelFout>(() => UitConfiguratie(("Koers:Bsn:Sleutels:1", TestSleutels.Sleutel1), ("Koers:Bsn:IndexSleutels:1", TestSleutels.Sleutel1)));
    }

    [Fact]
    public void De_ontwikkelsleutels_worden_herkend_en_staan_in_appsettings_Development()
    {
        Assert.True(UitConfiguratie(("Koers:Bsn:Sleutels:1", BsnBescherming.Ontwikkelsleutels[0]), ("Koers:Bsn:IndexSleutels:1", BsnBescherming.Ontwikkelsleutels[1])).GebruiktOntwikkelsleutel);
        Assert.False(TestSleutels.Bescherming().GebruiktOntwikkelsleutel);
        var pad = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Koers.Web", "appsettings.Development.json");
        var dev = BsnBescherming.UitConfiguratie(new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(pad)).Build());
        Assert.True(dev.GebruiktOntwikkelsleutel);
    }

    // ---------------------------------------------------------------- EF Core

    private static (SqliteConnection, SqliteKoersDbContext) Context(BsnBescherming? bescherming)
    {
        var verbinding = new SqliteConnection("Data Source=:memory:");
        verbinding.Open();
        var opties = new DbContextOptionsBuilder<SqliteKoersDbContext>().UseSqlite(verbinding);
        if (bescherming is not null) opties.UseBsnBescherming(bescherming);
        var db = new SqliteKoersDbContext(opties.Options);
        db.Database.EnsureCreated();
        return (verbinding, db);
    }

    private static Inburgeraar Dossier(Gemeente g, string? bsn = Bsn) => new()
    {
        Id = Guid.NewGuid(), Voornamen = "Test", Achternaam = "Persoon", Nationaliteit = "Eritrese", Bsn = bsn is null ? null : BsnWaarde.Parse(bsn),
        VNummer = VNummerWaarde.Parse("2000000001"), Gemeente = g,
    };

    private static Gemeente Gemeente() => new() { Code = "GM0001", Naam = "Test", Regio = new Regio { Naam = "Regio" } };

    [Fact]
    public void Een_context_zonder_sleutels_schrijft_nooit_een_bsn_in_klare_tekst()
    {
        var (verbinding, db) = Context(null);
        using (verbinding)
        using (db)
        {
            db.Inburgeraars.Add(Dossier(Gemeente()));
            var fout = Assert.ThrowsAny<Exception>(() => db.SaveChanges());
            Assert.IsType<BsnSleutelFout>(fout.GetBaseException());
        }
    }

    [Fact]
    public void Opslaan_zet_de_blinde_index_en_vindt_het_dossier_daarop_terug()
    {
        var b = TestSleutels.Bescherming();
        var (verbinding, db) = Context(b);
        using (verbinding)
        using (db)
        {
            var d = Dossier(Gemeente());
            db.Inburgeraars.Add(d);
            db.SaveChanges();
            Assert.Equal(b.Index(Nummersoort.Bsn, Bsn), d.BsnIndex);
            Assert.Equal(b.Index(Nummersoort.VNummer, "2000000001"), d.VNummerIndex);
            db.ChangeTracker.Clear();
            Assert.Equal(d.Id, db.Inburgeraars.MetBsn(b, BsnWaarde.Parse(Bsn)).Single().Id);
            Assert.Equal(Bsn, db.Inburgeraars.Select(i => i.Bsn).Single()?.Value);

            // A changed and a removed number change their index with them (anonymisation leaves nothing to find).
            var geladen = db.Inburgeraars.Single();
            geladen.Bsn = BsnWaarde.Parse("111222333");
            db.SaveChanges();
            Assert.Empty(db.Inburgeraars.MetBsn(b, BsnWaarde.Parse(Bsn)));
            Assert.Single(db.Inburgeraars.MetBsn(b, BsnWaarde.Parse("111222333")));
            geladen.Bsn = null;
            db.SaveChanges();
            Assert.Null(db.Inburgeraars.AsNoTracking().Single().BsnIndex);
        }
    }

    [Fact]
    public void Een_query_die_op_de_versleutelde_kolom_vergelijkt_wordt_geweigerd()
    {
        var (verbinding, db) = Context(TestSleutels.Bescherming());
        using (verbinding)
        using (db)
        {
            var bsn = BsnWaarde.Parse(Bsn);
            var fout = Assert.Throws<BsnQueryFout>(() => db.Inburgeraars.Where(i => i.Bsn == bsn).ToList());
            Assert.Contains("BsnIndex", fout.Message);
            // The number inside the value type is the column too.
            Assert.Throws<BsnQueryFout>(() => db.Inburgeraars.Any(i => i.VNummer!.Value.Value == "2000000001"));
            Assert.Throws<BsnQueryFout>(() => db.Inburgeraars.OrderBy(i => i.Bsn).ToList());
            var vnummer = VNummerWaarde.Parse("2000000001");
            Assert.Throws<BsnQueryFout>(() => db.DuoNotificaties.Where(n => n.VNummer == vnummer).ToList());
            Assert.Throws<BsnQueryFout>(() => db.DuoUitgaandeBerichten.Where(u => u.Pad.Contains(Bsn)).ToList());
            // Null tests (also HasValue), projections and the blind index are fine.
            Assert.Empty(db.Inburgeraars.Where(i => i.Bsn != null && i.VNummer == null).Select(i => new { i.Id, i.Bsn }).ToList());
            Assert.Empty(db.Inburgeraars.Where(i => i.Bsn.HasValue && !i.VNummer.HasValue).Select(i => i.Id).ToList());
            Assert.Empty(db.Inburgeraars.MetBsn(TestSleutels.Bescherming(), bsn).ToList());
        }
    }
}
