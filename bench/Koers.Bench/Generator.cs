using System.Globalization;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Data.Model.Keten;
using Koers.Data.Versleuteling;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Pip;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Koers.Bench;

/// <summary>
/// A synthetic national data set for PostgreSQL: 342 municipalities in 35 regions, klantregisseurs with log-ins, and
/// N cases spread evenly over five years of intake, each with milestones, stored deadlines (computed by the real
/// <see cref="LegalClock"/>), LBT, PIP, weekly hours, milestone history and audit rows. Deterministic (one seed),
/// entirely made up. Bulk tables are written with binary COPY; the small set-up tables through EF. BSNs and V-nummers
/// are written as Koers stores them: encrypted, with their blind index, with the keys Koers runs with.
/// Distributions (with their sources, all under /work/shared/domain):
/// - doelgroep: 38% gezins-/overige migrant, 62% asiel (seed-001-first-phase.md L427, DUO peildatum 8-12-2023);
///   the split asielstatushouder/nareiziger (52/10) and 2% vrijgesteld are assumptions (no source figure);
/// - leerroute per doelgroep: asiel B1 57 / O 17 / Z 26, gezins B1 90 / O 0.6 / Z 9 (seed-001 L428-429);
/// - LBT score given the route, from the score-band × route table (seed-001 L383-389, DUO 16-11-2023);
/// - PIP lead time 4-15 weeks after BRP, so about half within 10 weeks (seed-001 L378-379);
/// - koppeling to BRP 1-4 months, warme overdracht within 3 weeks (seed-001 L85-89); LBT up to 9 weeks after
///   housing (seed-001 L94); caseload 40 per klantregisseur (seed-000-002-003-practice.md L568);
/// - 90% pass within 3 years (seed-001 L465-466); intake 30,000 a year nationally (issue #10).
/// </summary>
public sealed class Generator(string verbinding, int gevallen, int seed, DateOnly vandaag, BsnBescherming bescherming)
{
    /// <summary>Rows of a year of national audit to add (genereer --auditjaar N; 0: none). See <see cref="Koers.Bench.Auditjaar"/>.</summary>
    public int Auditjaar { get; init; }

    /// <summary>The auditor's authenticator key (the auditor signs in in two steps, like functioneel beheer).</summary>
    public const string AuditorTotpSleutel = "KOERSBENCHTOTPSLEUTELAUDITOR2345";

    public const string Wachtwoord = "Koers-bench-2026";

    /// <summary>Synthetic authenticator key (base32) of beheer@bench.example; the bench data set is thrown away with the run.</summary>
    public const string BeheerTotpSleutel = "KOERSBENCHTOTPSLEUTELBEHEER23456";
    public const int Gemeenten = 342;
    public const int Regios = 35;
    private DateTime Nu => vandaag.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);

    private static readonly string[] Voornamen =
    [
        "Amal", "Yonas", "Fatima", "Mehmet", "Olena", "Ahmad", "Selam", "Dawit", "Layla", "Omar", "Hanna", "Reza", "Zainab", "Tesfay",
        "Mariam", "Yusuf", "Iryna", "Samir", "Nour", "Aziz", "Helen", "Khalid", "Rahel", "Farid", "Ana", "Wei", "Priya", "Jonas",
    ];

    private static readonly string[] Achternamen =
    [
        "Haddad", "Tesfamariam", "Yilmaz", "Kovalenko", "Rahimi", "Al-Masri", "Gebremedhin", "Demir", "Hosseini", "Shevchenko", "Abdi",
        "Nasser", "Kidane", "Aydin", "Karimi", "Bondarenko", "Saleh", "Berhane", "Ozturk", "Sultani", "Silva", "Chen", "Sharma", "Novak",
    ];

    private static readonly (string Land, string Taal)[] Herkomst =
    [
        ("Syrische", "Arabisch"), ("Eritrese", "Tigrinya"), ("Turkse", "Turks"), ("Oekraïense", "Oekraïens"), ("Afghaanse", "Dari"),
        ("Iraanse", "Farsi"), ("Jemenitische", "Arabisch"), ("Somalische", "Somalisch"), ("Marokkaanse", "Arabisch"), ("Indiase", "Hindi"),
    ];

    // LBT score band counts per route (columns B1, O, Z of seed-001 L385-388): <20, 20-27, 28-30, >30.
    private static readonly Dictionary<Leerroute, int[]> LbtBanden = new()
    {
        [Leerroute.B1Route] = [58, 124, 127, 1076],
        [Leerroute.Onderwijsroute] = [6, 18, 12, 171],
        [Leerroute.ZRoute] = [220, 110, 19, 16],
    };

    private static readonly JsonSerializerOptions PipJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed class Geval
    {
        public Guid Id;
        public int Gemeente;
        public Doelgroep Doelgroep;
        public Leerroute? Leerroute;
        public bool NietStartklaar;
        public DateOnly Start;
        public int? Score;
        public Dictionary<Mijlpaal, DateOnly> Mijlpalen = [];
        public bool Open => !MijlpaalInfo.Afsluitend.Any(Mijlpalen.ContainsKey);
    }

    public async Task GenereerAsync()
    {
        var totaal = Stopwatch.StartNew();
        var random = new Random(seed);
        Console.WriteLine($"Koers-generator: {gevallen:N0} gevallen, {Gemeenten} gemeenten, seed {seed}, peildatum {vandaag:yyyy-MM-dd}");

        var options = new DbContextOptionsBuilder<PostgresKoersDbContext>().UseNpgsql(verbinding).UseBsnBescherming(bescherming).Options;
        await using (var db = new PostgresKoersDbContext(options))
        {
            db.Database.SetCommandTimeout(600);
            await db.Database.MigrateAsync();
            if (await db.Gemeenten.AnyAsync()) throw new InvalidOperationException("De database is niet leeg; genereer in een nieuwe database.");
        }

        // 1. Cases in memory: municipality (skewed like real sizes), facts over five years of intake.
        var gewichten = Enumerable.Range(0, Gemeenten).Select(i => 1.0 / Math.Pow(i + 4, 0.95)).ToArray();
        var cumulatief = new double[Gemeenten];
        double som = 0;
        for (var i = 0; i < Gemeenten; i++) cumulatief[i] = som += gewichten[i];
        var lijst = new Geval[gevallen];
        var eerste = vandaag.AddYears(-5);
        var dagen = vandaag.DayNumber - eerste.DayNumber;
        for (var n = 0; n < gevallen; n++)
        {
            var g = Array.BinarySearch(cumulatief, random.NextDouble() * som);
            lijst[n] = Klantreis(random, g < 0 ? ~g : g, eerste.AddDays(random.Next(dagen)));
        }

        Console.WriteLine($"  klantreizen bedacht in {totaal.Elapsed.TotalSeconds:F1} s; open dossiers: {lijst.Count(l => l.Open):N0}");

        // 2. Set-up tables through EF: regions, municipalities, teams, partners, klantregisseurs (caseload 40) and log-ins.
        var (gemeenteIds, regisseurs, partners, instellingen) = await InrichtingAsync(options, lijst, random);

        // 3. Bulk tables with binary COPY, with a progress bar.
        await using var conn = new NpgsqlConnection(verbinding);
        await conn.OpenAsync();
        await VoerUitAsync(conn, "SET synchronous_commit = off");
        // The audit log's monthly partitions of the past year (Koers makes them month by month as time passes).
        await Koers.Bench.Auditjaar.MaakPartitiesAsync(conn, vandaag);
        var voortgang = new Voortgang(gevallen);
        foreach (var blok in lijst.Chunk(10_000))
        {
            await SchrijfBlokAsync(conn, blok, gemeenteIds, regisseurs, partners, instellingen, random);
            voortgang.Stap(blok.Length);
        }

        voortgang.Klaar();
        if (Auditjaar > 0) await Koers.Bench.Auditjaar.SchrijfAsync(conn, vandaag, Auditjaar, random);
        // The monitor's per-case table is kept by an EF interceptor, which COPY bypasses: fill it here, as Koers would at
        // start-up. Then VACUUM as well as ANALYZE: a database in use has been vacuumed (autovacuum), and only then are
        // pages marked all-visible, which index-only scans (worklist, monitor) need. Measuring straight after a 1 GB bulk
        // load instead measured autovacuum and first-read hint-bit writes competing with the load run.
        Console.WriteLine("  monitor_dossier …");
        await using (var db = new PostgresKoersDbContext(options))
        {
            await Koers.Data.Model.Monitor.MonitorDossiers.VernieuwAllesAsync(db);
        }

        Console.WriteLine("  VACUUM ANALYZE, CHECKPOINT …");
        await VoerUitAsync(conn, "VACUUM (ANALYZE)");
        // VACUUM dirtied every page (hint bits, visibility map); without a checkpoint now, PostgreSQL writes that 1 GB
        // out a few minutes into the load run and the statements of that scenario stall on the I/O.
        await VoerUitAsync(conn, "CHECKPOINT");
        Console.WriteLine($"Klaar in {totaal.Elapsed.TotalSeconds:F1} s. Inloggen: <klantregisseur-e-mail>, partner.r01@bench.example … of beleid@bench.example / beheer@bench.example, wachtwoord {Wachtwoord}");
    }

    private Geval Klantreis(Random r, int gemeente, DateOnly start)
    {
        var geval = new Geval { Id = Guid.CreateVersion7(new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), Gemeente = gemeente, Start = start };
        var p = r.Next(1000);
        geval.Doelgroep = p switch
        {
            < 520 => Doelgroep.Asielstatushouder,
            < 620 => Doelgroep.Nareiziger,
            < 950 => Doelgroep.Gezinsmigrant,
            < 980 => Doelgroep.OverigeMigrant,
            _ => Doelgroep.Vrijgesteld,
        };

        // Before 2022 the Wi2013 applied: those cases are the 'ondertussengroep' without Wi2021 deadlines.
        if (start < new DateOnly(2022, 1, 1) && geval.Doelgroep != Doelgroep.Vrijgesteld) geval.Doelgroep = Doelgroep.Ondertussengroep;
        var m = geval.Mijlpalen;
        var asiel = geval.Doelgroep.IsAsielgerelateerd();
        DateOnly brp;
        if (asiel)
        {
            m[Mijlpaal.Koppeling] = start;
            m[Mijlpaal.WarmeOverdracht] = start.AddDays(r.Next(5, 22));
            brp = start.AddDays(r.Next(30, 125));
            m[Mijlpaal.BrpInschrijving] = brp;
            m[Mijlpaal.StartBijstand] = brp.AddDays(r.Next(0, 10));
        }
        else
        {
            brp = start;
            m[Mijlpaal.BrpInschrijving] = brp;
        }

        if (geval.Doelgroep.ValtOnderWi2021())
        {
            var gezins = !asiel;
            var q = r.Next(1000);
            geval.Leerroute = gezins
                ? q < 900 ? Leerroute.B1Route : q < 906 ? Leerroute.Onderwijsroute : Leerroute.ZRoute
                : q < 570 ? Leerroute.B1Route : q < 740 ? Leerroute.Onderwijsroute : Leerroute.ZRoute;
            var lbt = brp.AddDays(r.Next(10, 63));
            m[Mijlpaal.Leerbaarheidstoets] = lbt;
            geval.Score = Score(r, geval.Leerroute.Value);
            m[Mijlpaal.BredeIntake] = lbt.AddDays(r.Next(3, 20));
            if (r.Next(100) < 8)
            {
                // Not able to start yet: no PIP, periodic recontact instead.
                geval.Leerroute = null;
                geval.NietStartklaar = true;
                m[Mijlpaal.LaatsteContact] = vandaag.AddDays(-r.Next(5, 120));
            }
            else
            {
                var pip = brp.AddDays(r.Next(28, 106));
                if (pip < m[Mijlpaal.BredeIntake]) pip = m[Mijlpaal.BredeIntake].AddDays(r.Next(1, 10));
                m[Mijlpaal.PipVastgesteld] = pip;
                m[Mijlpaal.StartLeerroute] = pip.AddDays(r.Next(20, 110));
                if (r.Next(100) < 10) m[Mijlpaal.TermijnVerlengdTot] = Kalender.JarenLater(pip, 3).AddMonths(r.Next(3, 13));
                var eind = pip.AddDays(r.Next(600, 1050));
                m[Mijlpaal.EindgesprekOfExamens] = eind;
                if (r.Next(100) < 90) m[Mijlpaal.InburgeringsplichtVoldaan] = eind.AddDays(r.Next(10, 60));
                var gesprek = vandaag.AddDays(-r.Next(3, 120));
                if (r.Next(100) < 85 && gesprek > pip) m[Mijlpaal.LaatsteVoortgangsgesprek] = gesprek;
            }
        }

        var draai = r.Next(100);
        var sluit = brp.AddDays(r.Next(60, 900));
        if (draai < 4) m[Mijlpaal.Verhuisd] = sluit;
        else if (draai < 6 && m.ContainsKey(Mijlpaal.PipVastgesteld)) m[Mijlpaal.Ontheffing] = sluit;
        else if (draai < 7) m[Mijlpaal.Uitgeschreven] = sluit;

        // Only what has happened by the peildatum; one closing milestone at most; a talk needs a started route.
        foreach (var k in m.Where(x => x.Value > vandaag && x.Key != Mijlpaal.TermijnVerlengdTot).Select(x => x.Key).ToList()) m.Remove(k);
        var afsluiting = MijlpaalInfo.Afsluitend.Where(m.ContainsKey).OrderBy(k => m[k]).ToList();
        foreach (var k in afsluiting.Skip(1)) m.Remove(k);
        if (afsluiting.Count > 0)
        {
            var einde = m[afsluiting[0]];
            foreach (var k in m.Where(x => x.Value > einde && x.Key != Mijlpaal.TermijnVerlengdTot).Select(x => x.Key).ToList()) m.Remove(k);
            m.Remove(Mijlpaal.LaatsteVoortgangsgesprek);
            m.Remove(Mijlpaal.LaatsteContact);
        }

        if (!m.ContainsKey(Mijlpaal.PipVastgesteld))
        {
            m.Remove(Mijlpaal.TermijnVerlengdTot);
            m.Remove(Mijlpaal.StartLeerroute);
            m.Remove(Mijlpaal.LaatsteVoortgangsgesprek);
            if (!geval.NietStartklaar) geval.Leerroute = null;
        }

        if (!m.ContainsKey(Mijlpaal.StartLeerroute)) m.Remove(Mijlpaal.LaatsteVoortgangsgesprek);
        if (!m.ContainsKey(Mijlpaal.Leerbaarheidstoets)) geval.Score = null;
        return geval;
    }

    private static int Score(Random r, Leerroute route)
    {
        var banden = LbtBanden[route];
        var trek = r.Next(banden.Sum());
        var band = 0;
        while (trek >= banden[band]) trek -= banden[band++];
        return band switch { 0 => r.Next(5, 20), 1 => r.Next(20, 28), 2 => r.Next(28, 31), _ => r.Next(31, 46) };
    }

    private static async Task<(int[] Gemeenten, int[][] Regisseurs, int[] Partners, ClockSettings[] Instellingen)> InrichtingAsync(
        DbContextOptions<PostgresKoersDbContext> options, Geval[] lijst, Random random)
    {
        await using var db = new PostgresKoersDbContext(options);
        var regios = Enumerable.Range(1, Regios).Select(i => new Regio { Naam = $"Bench-regio {i:00}", DeeltDossiers = i % 2 == 0 }).ToList();
        var teams = regios.Select(r => new Team { Naam = $"Team Inburgering {r.Naam}", Regio = r }).ToList();
        var partners = regios.Select(r => new Partnerorganisatie { Naam = $"Taalschool {r.Naam}", Soort = Partnersoort.Taalaanbieder, Regio = r }).ToList();
        var gemeenten = Enumerable.Range(0, Gemeenten).Select(i => new Gemeente
        {
            Code = $"GM{9000 + i:0000}"[..6],
            Naam = $"Benchgemeente {i + 1:000}",
            Regio = regios[i % Regios],
            // Some municipalities hold progress talks every two months: local policy, configuration (seed-000 T5).
            VoortgangsgesprekIntervalMaanden = i % 7 == 0 ? 2 : 3,
        }).ToList();
        db.AddRange(regios);
        db.AddRange(teams);
        db.AddRange(partners);
        db.AddRange(gemeenten);
        await db.SaveChangesAsync();

        var open = new int[Gemeenten];
        foreach (var g in lijst.Where(l => l.Open)) open[g.Gemeente]++;
        var medewerkers = new List<Medewerker>[Gemeenten];
        for (var i = 0; i < Gemeenten; i++)
        {
            var aantal = Math.Max(1, (int)Math.Round(open[i] / 40.0)); // caseload 40 (seed-000 L568)
            medewerkers[i] = Enumerable.Range(1, aantal).Select(k => new Medewerker
            {
                Naam = $"{Voornamen[random.Next(Voornamen.Length)]} Regisseur-{gemeenten[i].Code}-{k}",
                Email = $"kr{k}.{gemeenten[i].Code.ToLowerInvariant()}@bench.example",
                GemeenteId = gemeenten[i].Id,
                TeamId = teams[i % Regios].Id,
            }).ToList();
            db.Medewerkers.AddRange(medewerkers[i]);
        }

        await db.SaveChangesAsync();

        // Log-ins: hashed once with the Identity hasher and reused, so thousands of users cost one hash.
        var hash = new PasswordHasher<Gebruiker>().HashPassword(new Gebruiker(), Wachtwoord);
        foreach (var rol in Rollen.Alle) db.Roles.Add(new IdentityRole(rol) { NormalizedName = rol.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync();
        var rollen = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        Gebruiker Maak(string email, string naam) => new()
        {
            Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, Weergavenaam = naam,
        };
        foreach (var m in medewerkers.SelectMany(x => x))
        {
            var g = Maak(m.Email, m.Naam);
            g.MedewerkerId = m.Id;
            db.Users.Add(g);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = g.Id, RoleId = rollen[Rollen.Klantregisseur] });
        }

        var beleid = Maak("beleid@bench.example", "Beleid (bench)");
        beleid.GemeenteId = gemeenten[0].Id;
        var beheer = Maak("beheer@bench.example", "Beheer (bench)");
        beheer.GemeenteId = gemeenten[0].Id;
        db.Users.AddRange(beleid, beheer);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = beleid.Id, RoleId = rollen[Rollen.Beleidsmedewerker] });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = beheer.Id, RoleId = rollen[Rollen.FunctioneelBeheerder] });
        // Functioneel beheer must sign in in two steps (Koers refuses its API otherwise): a synthetic authenticator key
        // the load client computes its codes from, as ASP.NET Core Identity stores one.
        beheer.TwoFactorEnabled = true;
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = beheer.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = BeheerTotpSleutel });
        // The auditor of the first municipality's region (the audit scenario), also in two steps.
        var auditor = Maak("auditor@bench.example", "Auditor (bench)");
        auditor.GemeenteId = gemeenten[0].Id;
        auditor.TwoFactorEnabled = true;
        db.Users.Add(auditor);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = auditor.Id, RoleId = rollen[Rollen.Auditor] });
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = auditor.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = AuditorTotpSleutel });

        // One log-in per taalschool (partner.r01@bench.example …) for the partner CSV upload; what it sees is decided
        // by the consents written with the cases below.
        for (var i = 0; i < partners.Count; i++)
        {
            var p = Maak(PartnerEmail(i), $"Medewerker {partners[i].Naam}");
            p.PartnerorganisatieId = partners[i].Id;
            db.Users.Add(p);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = p.Id, RoleId = rollen[Rollen.Partner] });
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"  inrichting: {Regios} regio's, {Gemeenten} gemeenten, {medewerkers.Sum(m => m.Count):N0} klantregisseurs met inlog, {partners.Count} taalscholen met inlog");

        return (gemeenten.Select(g => g.Id).ToArray(), medewerkers.Select(l => l.Select(m => m.Id).ToArray()).ToArray(),
            partners.Select(p => p.Id).ToArray(), gemeenten.Select(g => g.Instellingen).ToArray());
    }

    /// <summary>The log-in of the taalschool of region index <paramref name="regio"/> (0-based).</summary>
    public static string PartnerEmail(int regio) => $"partner.r{regio + 1:00}@bench.example";

    private int _teller;

    private async Task SchrijfBlokAsync(NpgsqlConnection conn, Geval[] blok, int[] gemeenteIds, int[][] regisseurs, int[] partners,
        ClockSettings[] instellingen, Random r)
    {
        var inburgeraars = new List<object?[]>(blok.Length);
        var mijlpalen = new List<object?[]>();
        var historie = new List<object?[]>();
        var termijnen = new List<object?[]>();
        var toetsen = new List<object?[]>();
        var pips = new List<object?[]>();
        var uren = new List<object?[]>();
        var machtigingen = new List<object?[]>();
        var audit = new List<object?[]>();
        foreach (var g in blok)
        {
            var herkomst = Herkomst[r.Next(Herkomst.Length)];
            var feiten = new DossierFeiten
            {
                Doelgroep = g.Doelgroep, Geboortedatum = vandaag.AddDays(-r.Next(18 * 365, 65 * 365)), Leerroute = g.Leerroute,
                NogNietStartklaar = g.NietStartklaar, LaatsteBeschikking = g.Mijlpalen.TryGetValue(Mijlpaal.PipVastgesteld, out var pd) ? pd : null,
                Mijlpalen = g.Mijlpalen,
            };
            var fase = FaseBepaling.Bepaal(feiten);
            var kr = regisseurs[g.Gemeente];
            var aangemaakt = g.Start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            // BSNs from the 999 test range pass the elfproef; there are only ~90,000 of them, the rest get a V-nummer.
            var bsn = VolgendeBsn();
            var n = ++_teller;
            var vnummer = bsn is null || g.Doelgroep.IsAsielgerelateerd() ? (2_000_000_000L + n).ToString(CultureInfo.InvariantCulture) : null;
            inburgeraars.Add([
                g.Id, Voornamen[r.Next(Voornamen.Length)], Achternamen[r.Next(Achternamen.Length)], feiten.Geboortedatum,
                bsn is null ? null : bescherming.Versleutel(bsn), vnummer is null ? null : bescherming.Versleutel(vnummer),
                herkomst.Land, herkomst.Taal, g.Doelgroep.ToString(), gemeenteIds[g.Gemeente], r.Next(25) == 0 ? null : kr[r.Next(kr.Length)],
                $"06-{r.Next(10_000_000, 99_999_999)}", null, $"Benchstraat {r.Next(1, 400)}", null, g.NietStartklaar, g.Leerroute?.ToString(),
                (g.Doelgroep.IsAsielgerelateerd() ? Registratiebron.CoaKoppeling : Registratiebron.Handmatig).ToString(), null, false, null,
                feiten.LaatsteBeschikking, fase.ToString(), aangemaakt, Nu,
                bsn is null ? null : bescherming.Index(Nummersoort.Bsn, bsn), vnummer is null ? null : bescherming.Index(Nummersoort.VNummer, vnummer),
            ]);
            foreach (var (soort, datum) in g.Mijlpalen)
            {
                mijlpalen.Add([g.Id, soort.ToString(), datum]);
                historie.Add([g.Id, soort.ToString(), null, datum, "generator", datum.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), "Benchmarkdata"]);
            }

            foreach (var t in LegalClock.Bereken(feiten, instellingen[g.Gemeente]))
            {
                termijnen.Add([g.Id, t.Code.ToString(), t.Soort.ToString(), t.Toepasselijk, t.Startdatum, t.Vervaldatum, t.VoldaanOp, t.Toelichting]);
            }

            if (g.Score is { } score)
            {
                var afgenomen = g.Mijlpalen[Mijlpaal.Leerbaarheidstoets];
                toetsen.Add([g.Id, afgenomen.AddDays(-r.Next(5, 20)), afgenomen, "Bibliotheek (gecertificeerd)", "Gemeente", null, Nu, false, null, score]);
            }

            if (feiten.LaatsteBeschikking is { } pip && g.Leerroute is { } route)
            {
                var inhoud = JsonSerializer.Serialize(new PipInhoud
                {
                    Leerroute = route, Map = route != Leerroute.Onderwijsroute, Participatie = route == Leerroute.ZRoute ? ParticipatieVorm.Dagbesteding : ParticipatieVorm.Vrijwilligerswerk,
                    MaatschappelijkeBegeleiding = g.Doelgroep.IsAsielgerelateerd(), Subdoelen = ["Ik spreek Nederlands met mijn buren"], GeplandeStart = pip.AddDays(30),
                }, PipJson);
                // Late against the same last day as the stored deadline (Besluit art. 5.3 lid 1 with the Algemene termijnenwet).
                var teLaat = LegalClock.PipVaststelling(feiten).Vervaldatum is { } uiterlijk && pip > uiterlijk;
                pips.Add([Guid.CreateVersion7(), Nu, pip, Nu, g.Id, inhoud, route.ToString(), null, teLaat ? "Wachtlijst bij de aanbieder." : null,
                    PipStatus.Vastgesteld.ToString(), teLaat, "generator", 1]);
            }

            // Weekly hours for the last half year of a running route (the partner's weekly report).
            if (g.Open && g.Mijlpalen.TryGetValue(Mijlpaal.StartLeerroute, out var startRoute))
            {
                var maandag = vandaag.AddDays(-(((int)vandaag.DayOfWeek + 6) % 7));
                var partner = partners[g.Gemeente % Regios];
                // The inburgeraar's consent for the region's taalschool (basic data, PIP, progress), so the partner
                // sees the case and may report its hours. No random draw: the rest of the data set stays as it was.
                machtigingen.Add([Guid.CreateVersion7(), g.Id, partner, (int)(Gegevenscategorie.Basisgegevens | Gegevenscategorie.Leerroute | Gegevenscategorie.Voortgang),
                    startRoute, null, "Ondertekend formulier (benchmarkdata)", Nu, "generator"]);
                for (var w = maandag.AddDays(-7); w >= startRoute && w > vandaag.AddDays(-183); w = w.AddDays(-7))
                {
                    var afwezig = r.Next(10) == 0 ? 3m : 0m;
                    uren.Add([g.Id, partner, (g.Leerroute == Leerroute.ZRoute && r.Next(2) == 0 ? Urensoort.Participatie : Urensoort.Taal).ToString(), w,
                        (decimal)r.Next(6, 13) - afwezig, afwezig, afwezig > 0 && r.Next(2) == 0, Gegevensbron.Partner.ToString(), Nu, "generator"]);
                }
            }

            audit.Add([aangemaakt, "generator", AuditActie.Aanmaken.ToString(), g.Id, "Dossier aangemaakt (benchmarkdata)"]);
            audit.Add([Nu.AddDays(-r.Next(0, 60)), "generator", AuditActie.Inzien.ToString(), g.Id, "Dossier ingezien (benchmarkdata)"]);
        }

        await KopieerAsync(conn, "inburgeraar",
            [("Id", NpgsqlDbType.Uuid), ("Voornamen", NpgsqlDbType.Varchar), ("Achternaam", NpgsqlDbType.Varchar), ("Geboortedatum", NpgsqlDbType.Date),
             ("Bsn", NpgsqlDbType.Varchar), ("VNummer", NpgsqlDbType.Varchar), ("Nationaliteit", NpgsqlDbType.Varchar), ("Talen", NpgsqlDbType.Varchar),
             ("Doelgroep", NpgsqlDbType.Varchar), ("GemeenteId", NpgsqlDbType.Integer), ("KlantregisseurId", NpgsqlDbType.Integer), ("Telefoon", NpgsqlDbType.Varchar),
             ("Email", NpgsqlDbType.Varchar), ("Adres", NpgsqlDbType.Varchar), ("AzcLocatie", NpgsqlDbType.Varchar), ("NogNietStartklaar", NpgsqlDbType.Boolean),
             ("Leerroute", NpgsqlDbType.Varchar), ("Bron", NpgsqlDbType.Varchar), ("OntzorgenVerlengdTot", NpgsqlDbType.Date), ("OntzorgenAfgezien", NpgsqlDbType.Boolean),
             ("GeanonimiseerdOp", NpgsqlDbType.TimestampTz), ("LaatsteBeschikkingOp", NpgsqlDbType.Date), ("Fase", NpgsqlDbType.Varchar),
             ("AangemaaktOp", NpgsqlDbType.TimestampTz), ("GewijzigdOp", NpgsqlDbType.TimestampTz),
             ("BsnIndex", NpgsqlDbType.Varchar), ("VNummerIndex", NpgsqlDbType.Varchar)], inburgeraars);
        await KopieerAsync(conn, "mijlpaal", [("InburgeraarId", NpgsqlDbType.Uuid), ("Soort", NpgsqlDbType.Varchar), ("Datum", NpgsqlDbType.Date)], mijlpalen);
        await KopieerAsync(conn, "mijlpaal_wijziging",
            [("InburgeraarId", NpgsqlDbType.Uuid), ("Soort", NpgsqlDbType.Varchar), ("OudeDatum", NpgsqlDbType.Date), ("NieuweDatum", NpgsqlDbType.Date),
             ("Door", NpgsqlDbType.Varchar), ("Op", NpgsqlDbType.TimestampTz), ("Reden", NpgsqlDbType.Varchar)], historie);
        await KopieerAsync(conn, "termijn",
            [("InburgeraarId", NpgsqlDbType.Uuid), ("Code", NpgsqlDbType.Varchar), ("Soort", NpgsqlDbType.Varchar), ("Toepasselijk", NpgsqlDbType.Boolean),
             ("Startdatum", NpgsqlDbType.Date), ("Vervaldatum", NpgsqlDbType.Date), ("VoldaanOp", NpgsqlDbType.Date), ("Toelichting", NpgsqlDbType.Varchar)], termijnen);
        await KopieerAsync(conn, "leerbaarheidstoets",
            [("InburgeraarId", NpgsqlDbType.Uuid), ("Aangemeld", NpgsqlDbType.Date), ("Afgenomen", NpgsqlDbType.Date), ("Afnemer", NpgsqlDbType.Varchar),
             ("Bron", NpgsqlDbType.Varchar), ("CesuurVolgensDuo", NpgsqlDbType.Integer), ("GewijzigdOp", NpgsqlDbType.TimestampTz), ("Overgeslagen", NpgsqlDbType.Boolean),
             ("RedenOverslaan", NpgsqlDbType.Varchar), ("Score", NpgsqlDbType.Integer)], toetsen);
        await KopieerAsync(conn, "pip_versie",
            [("Id", NpgsqlDbType.Uuid), ("AangemaaktOp", NpgsqlDbType.TimestampTz), ("Dagtekening", NpgsqlDbType.Date), ("GewijzigdOp", NpgsqlDbType.TimestampTz),
             ("InburgeraarId", NpgsqlDbType.Uuid), ("InhoudJson", NpgsqlDbType.Varchar), ("Leerroute", NpgsqlDbType.Varchar), ("RedenBijstelling", NpgsqlDbType.Varchar),
             ("RedenTeLaat", NpgsqlDbType.Varchar), ("Status", NpgsqlDbType.Varchar), ("TeLaat", NpgsqlDbType.Boolean), ("VastgesteldDoor", NpgsqlDbType.Varchar),
             ("Versie", NpgsqlDbType.Integer)], pips);
        await KopieerAsync(conn, "urenregistratie",
            [("InburgeraarId", NpgsqlDbType.Uuid), ("PartnerorganisatieId", NpgsqlDbType.Integer), ("Soort", NpgsqlDbType.Varchar), ("Week", NpgsqlDbType.Date),
             ("Uren", NpgsqlDbType.Numeric), ("AfwezigUren", NpgsqlDbType.Numeric), ("AfwezigGemeld", NpgsqlDbType.Boolean), ("Bron", NpgsqlDbType.Varchar),
             ("VastgelegdOp", NpgsqlDbType.TimestampTz), ("VastgelegdDoor", NpgsqlDbType.Varchar)], uren);
        await KopieerAsync(conn, "machtiging",
            [("Id", NpgsqlDbType.Uuid), ("InburgeraarId", NpgsqlDbType.Uuid), ("PartnerorganisatieId", NpgsqlDbType.Integer), ("Categorieen", NpgsqlDbType.Integer),
             ("Van", NpgsqlDbType.Date), ("Tot", NpgsqlDbType.Date), ("Vorm", NpgsqlDbType.Varchar), ("VastgelegdOp", NpgsqlDbType.TimestampTz),
             ("VastgelegdDoor", NpgsqlDbType.Varchar)], machtigingen);
        await KopieerAsync(conn, "audit",
            [("Op", NpgsqlDbType.TimestampTz), ("Gebruiker", NpgsqlDbType.Varchar), ("Actie", NpgsqlDbType.Varchar), ("InburgeraarId", NpgsqlDbType.Uuid),
             ("Omschrijving", NpgsqlDbType.Varchar)], audit);
    }

    /// <summary>The next number 999xxxxxx that passes the elfproef, or null when the test range is used up.</summary>
    private string? VolgendeBsn()
    {
        for (; _bsnStart < 1_000_000; _bsnStart++)
        {
            var kandidaat = "999" + _bsnStart.ToString("D6", CultureInfo.InvariantCulture);
            if (Koers.Domain.Identity.Bsn.PassesElfproef(kandidaat))
            {
                _bsnStart++;
                return kandidaat;
            }
        }

        return null;
    }

    private int _bsnStart;

    private static async Task KopieerAsync(NpgsqlConnection conn, string tabel, (string Kolom, NpgsqlDbType Type)[] kolommen, List<object?[]> rijen)
    {
        if (rijen.Count == 0) return;
        var sql = $"COPY {tabel} ({string.Join(", ", kolommen.Select(k => $"\"{k.Kolom}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var copy = await conn.BeginBinaryImportAsync(sql);
        foreach (var rij in rijen)
        {
            await copy.StartRowAsync();
            for (var i = 0; i < kolommen.Length; i++)
            {
                if (rij[i] is null) await copy.WriteNullAsync();
                else await copy.WriteAsync(rij[i], kolommen[i].Type);
            }
        }

        await copy.CompleteAsync();
    }

    private static async Task VoerUitAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A console progress bar: share done, count and rate.</summary>
    private sealed class Voortgang(int totaal)
    {
        private readonly Stopwatch _tijd = Stopwatch.StartNew();
        private int _gedaan;

        public void Stap(int aantal)
        {
            _gedaan += aantal;
            var deel = (double)_gedaan / totaal;
            var balk = new string('#', (int)(deel * 40)).PadRight(40, '.');
            var tekst = $"\r  [{balk}] {deel,4:P0} {_gedaan:N0}/{totaal:N0} dossiers  {_gedaan / Math.Max(0.001, _tijd.Elapsed.TotalSeconds):N0}/s";
            if (Console.IsOutputRedirected) Console.WriteLine(tekst.TrimStart('\r'));
            else Console.Write(tekst);
        }

        public void Klaar()
        {
            if (!Console.IsOutputRedirected) Console.WriteLine();
            Console.WriteLine($"  {_gedaan:N0} dossiers geschreven in {_tijd.Elapsed.TotalSeconds:F1} s");
        }
    }
}
