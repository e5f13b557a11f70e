using System.Globalization;
using Koers.Data;
using Koers.Data.Model;
using Koers.Domain.Clock;
using Koers.Domain.Dossier;
using Koers.Domain.Identity;
using Koers.Domain.Intake;
using Koers.Domain.Pip;
using Koers.Web.Features.Pip;
using Koers.Web.Features.Pip.Beschikking;
using Koers.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Koers.Web.Features.Inrichting;

/// <summary>
/// Synthetic demo data: one region of four municipalities with about 200 inburgeraars spread over every
/// stage of the klantreis. The content is deterministic (fixed seed) and entirely made up: BSNs are drawn from the
/// 999xxxxxx test range and pass the elfproef; names are combinations from short lists. The ids are random per
/// install, so no two installs share a case id. Seeded only on request (Koers:DemoData, see
/// <see cref="Beveiliging.Startcontroles"/>).
/// </summary>
public sealed class DemoData(KoersDbContext db, Klok klok, UserManager<Gebruiker> users, RoleManager<IdentityRole> roles, IConfiguration configuration,
    IServiceScopeFactory services)
{
    private static readonly string[] Voornamen =
    [
        "Amal", "Yonas", "Fatima", "Mehmet", "Olena", "Ahmad", "Selam", "Dawit", "Layla", "Omar", "Hanna", "Reza",
        "Zainab", "Tesfay", "Mariam", "Yusuf", "Iryna", "Samir", "Nour", "Aziz", "Helen", "Khalid", "Rahel", "Farid",
    ];

    private static readonly string[] Achternamen =
    [
        "Haddad", "Tesfamariam", "Yilmaz", "Kovalenko", "Rahimi", "Al-Masri", "Gebremedhin", "Demir", "Hosseini",
        "Shevchenko", "Abdi", "Nasser", "Kidane", "Aydin", "Karimi", "Bondarenko", "Saleh", "Berhane", "Ozturk", "Sultani",
    ];

    private static readonly (string Land, string[] Talen)[] Herkomst =
    [
        ("Syrische", ["Arabisch", "Koerdisch"]), ("Eritrese", ["Tigrinya", "Arabisch"]), ("Turkse", ["Turks"]),
        ("Oekraïense", ["Oekraïens", "Russisch"]), ("Afghaanse", ["Dari", "Pasjtoe"]), ("Iraanse", ["Farsi"]),
        ("Jemenitische", ["Arabisch"]), ("Somalische", ["Somalisch", "Engels"]),
    ];

    public async Task SeedAsync(int aantal = 200, CancellationToken ct = default)
    {
        if (await db.Gemeenten.AnyAsync(ct)) return;

        // De Kempen: one executor (like KempenPlus) works for four municipalities, so cases are shared.
        var regio = new Regio { Naam = "Regio De Kempen (demo)", DeeltDossiers = true };
        var gemeenten = new[]
        {
            new Gemeente { Code = "GM1724", Naam = "Bergeijk", Regio = regio },
            new Gemeente { Code = "GM1728", Naam = "Bladel", Regio = regio, VoortgangsgesprekIntervalMaanden = 2 },
            new Gemeente { Code = "GM0770", Naam = "Eersel", Regio = regio },
            new Gemeente { Code = "GM1667", Naam = "Reusel-De Mierden", Regio = regio, HercontactIntervalMaanden = 2 },
        };
        var noord = new Team { Naam = "Team Inburgering Noord", Regio = regio };
        var zuid = new Team { Naam = "Team Inburgering Zuid", Regio = regio };
        var regisseurs = new[]
        {
            new Medewerker { Naam = "Sanne de Vries", Email = "sanne.devries@kempen.example", Team = noord },
            new Medewerker { Naam = "Mohamed Bakker", Email = "mohamed.bakker@kempen.example", Team = noord },
            new Medewerker { Naam = "Lotte Jansen", Email = "lotte.jansen@kempen.example", Team = noord },
            new Medewerker { Naam = "Priya van Dijk", Email = "priya.vandijk@kempen.example", Team = zuid },
            new Medewerker { Naam = "Joost Smits", Email = "joost.smits@kempen.example", Team = zuid },
            new Medewerker { Naam = "Esra Visser", Email = "esra.visser@kempen.example", Team = zuid },
        };
        for (var i = 0; i < regisseurs.Length; i++) regisseurs[i].Gemeente = gemeenten[i % gemeenten.Length];
        var teamleider = new Medewerker { Naam = "Anouk van den Berg", Email = "anouk.vandenberg@kempen.example", Team = noord, Gemeente = gemeenten[0] };

        // Weert and Nederweert: each municipality keeps its own cases (no sharing), for the isolation rules.
        var weertRegio = new Regio { Naam = "Regio Weert (demo)", DeeltDossiers = false };
        var weert = new Gemeente { Code = "GM0988", Naam = "Weert", Regio = weertRegio };
        var nederweert = new Gemeente { Code = "GM0946", Naam = "Nederweert", Regio = weertRegio };
        var weertTeam = new Team { Naam = "Team Statushouders Weert", Regio = weertRegio };
        var weertRegisseurs = new[]
        {
            new Medewerker { Naam = "Fleur Hendriks", Email = "fleur.hendriks@weert.example", Team = weertTeam, Gemeente = weert },
            new Medewerker { Naam = "Bram Peeters", Email = "bram.peeters@nederweert.example", Team = weertTeam, Gemeente = nederweert },
        };
        db.AddRange(gemeenten);
        db.AddRange(regisseurs);
        db.Add(teamleider);
        db.AddRange(weert, nederweert);
        db.AddRange(weertRegisseurs);

        var random = new Random(2021);
        var vandaag = klok.Vandaag;
        var gebruikteBsns = new HashSet<string>();
        var gemaakt = new List<(int N, Inburgeraar Inburgeraar, Gemeente Gemeente, Medewerker Regisseur, Dictionary<Mijlpaal, DateOnly> Feiten)>();
        for (var n = 0; n < aantal; n++)
        {
            var inWeert = n % 10 == 9;
            var gemeente = inWeert ? (n % 20 == 9 ? weert : nederweert) : gemeenten[n % gemeenten.Length];
            var regisseur = inWeert ? weertRegisseurs[gemeente == weert ? 0 : 1] : regisseurs[(n % gemeenten.Length < 2 ? 0 : 3) + random.Next(3)];
            var doelgroep = KiesDoelgroep(random);
            var (land, talen) = Herkomst[random.Next(Herkomst.Length)];
            var inburgeraar = new Inburgeraar
            {
                Id = NieuwId(random),
                Voornamen = Voornamen[random.Next(Voornamen.Length)],
                Achternaam = Achternamen[random.Next(Achternamen.Length)],
                Geboortedatum = vandaag.AddDays(-random.Next(18 * 365, 60 * 365)),
                Bsn = random.Next(10) < 9 ? NieuwBsn(random, gebruikteBsns) : null,
                VNummer = doelgroep.IsAsielgerelateerd() ? VNummer.Parse(random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture)) : null,
                Nationaliteit = land,
                Talen = string.Join(";", talen.Take(1 + random.Next(talen.Length))),
                Doelgroep = doelgroep,
                Gemeente = gemeente,
                Klantregisseur = random.Next(20) == 0 ? null : regisseur,
                Telefoon = $"06-{random.Next(10_000_000, 99_999_999)}",
                Bron = doelgroep.IsAsielgerelateerd() ? Registratiebron.CoaKoppeling : Registratiebron.Handmatig,
            };
            inburgeraar.Bsn ??= null;
            if (inburgeraar.Bsn is null && inburgeraar.VNummer is null)
            {
                inburgeraar.Bsn = NieuwBsn(random, gebruikteBsns);
            }

            var feiten = Klantreis(random, doelgroep, vandaag, out var leerroute, out var nietStartklaar);
            inburgeraar.Leerroute = leerroute;
            inburgeraar.NogNietStartklaar = nietStartklaar;
            if (doelgroep.IsAsielgerelateerd() && feiten.ContainsKey(Mijlpaal.Koppeling) && !feiten.ContainsKey(Mijlpaal.BrpInschrijving))
            {
                inburgeraar.AzcLocatie = random.Next(2) == 0 ? "azc Budel-Cranendonck" : "azc Oisterwijk";
            }
            else
            {
                inburgeraar.Adres = $"Demostraat {random.Next(1, 200)}, 9999 ZZ {gemeente.Naam}"; // full but recognisably synthetic: decision letters need street, postcode and place
            }

            if (random.Next(4) == 0)
            {
                inburgeraar.Gezinsleden.Add(new Gezinslid { Naam = $"{Voornamen[random.Next(Voornamen.Length)]} {inburgeraar.Achternaam}", Relatie = "kind", Geboortedatum = vandaag.AddDays(-random.Next(365, 15 * 365)) });
            }

            gemaakt.Add((n, inburgeraar, gemeente, regisseur, feiten));
        }

        // The portal's demo person is chosen now, before any record is made, so their PIP is not written as rows here
        // but made later through the PIP service, as a klantregisseur would (PortaalDemo). The random draws above are
        // untouched by this choice, so every other demo case stays exactly as it was.
        var demo = gemaakt.Where(g => g.Gemeente == gemeenten[0] && g.Inburgeraar.Doelgroep.IsAsielgerelateerd() && g.Inburgeraar.Doelgroep.ValtOnderWi2021())
            .OrderBy(g => g.Inburgeraar.Achternaam, StringComparer.Ordinal).ThenBy(g => g.Inburgeraar.Voornamen, StringComparer.Ordinal)
            .ThenBy(g => g.Inburgeraar.Geboortedatum).ThenBy(g => g.Inburgeraar.Bsn?.Value ?? "", StringComparer.Ordinal).ThenBy(g => g.Inburgeraar.VNummer?.Value ?? "", StringComparer.Ordinal)
            .Select(g => g.Inburgeraar).FirstOrDefault();
        Portaal.PortaalDemo.Plan? portaalPlan = null;
        foreach (var (n, inburgeraar, gemeente, regisseur, gegenereerd) in gemaakt)
        {
            var feiten = gegenereerd;
            if (inburgeraar == demo)
            {
                portaalPlan = Portaal.PortaalDemo.Voorbereiden(inburgeraar, regisseur, feiten, vandaag, out feiten);
            }

            inburgeraar.Mijlpalen.AddRange(feiten.Select(f => new MijlpaalRegel { InburgeraarId = inburgeraar.Id, Soort = f.Key, Datum = f.Value }));
            VoegKlantreisDetailsToe(new Random(n), inburgeraar, gemeente, feiten);
            if (inburgeraar == demo) inburgeraar.Leerroute = null; // the PIP service sets it
            var dossierFeiten = inburgeraar.Feiten();
            inburgeraar.Fase = FaseBepaling.Bepaal(dossierFeiten);
            inburgeraar.Termijnen.AddRange(LegalClock.Bereken(dossierFeiten, gemeente.Instellingen).Select(t => Termijnregel.Uit(inburgeraar.Id, t)));
            db.Inburgeraars.Add(inburgeraar);
            db.MijlpaalWijzigingen.AddRange(feiten.Select(f => new MijlpaalWijziging
            {
                InburgeraarId = inburgeraar.Id, Soort = f.Key, NieuweDatum = f.Value, Door = "demodata", Op = klok.NuUtc, Reden = "Demodata",
            }));
        }

        await db.SaveChangesAsync(ct);
        await Handhaving.HandhavingDemo.SeedAsync(db, vandaag, klok.NuUtc, ct);
        await GebruikersAsync([.. regisseurs, .. weertRegisseurs], teamleider, gemeenten[0], demo?.Id, ct);
        await Ketenpartners.KetenpartnersDemo.SeedAsync(db, users, configuration["Koers:DemoWachtwoord"] ?? "Koers-demo-2026", vandaag, klok.NuUtc, ct);
        await Inkoop.InkoopDemo.SeedAsync(db, vandaag, ct);
        // Before the demo progress: that reads the PIP (route, date) the service has just set, as for every other case.
        if (portaalPlan is not null)
        {
            await Portaal.PortaalDemo.PipVaststellenAsync(services, portaalPlan, ct);
            db.ChangeTracker.Clear(); // that case changed in another scope; nothing here may keep its old values
        }

        await Voortgang.VoortgangDemo.VulAsync(db, klok, ct);
        await Inkoop.AanbiedersDemo.VulAsync(db, klok, ct); // Inkoop (issue #23): exam results for the provider page
        var demoInburgeraar = await db.Users.AsNoTracking().Where(u => u.Email == "inburgeraar@demo.example").Select(u => u.InburgeraarId).FirstOrDefaultAsync(ct);
        await Geldzaken.GeldzakenDemo.SeedAsync(db, vandaag, demoInburgeraar, ct);
        // Before the e-mail opt-in, so nothing waits to be sent when the demo starts (the talk and the message are in the
        // portal); what the demo user plans next does reach the demo mailbox.
        if (portaalPlan is not null) await Portaal.PortaalDemo.AfspraakEnBerichtAsync(services, portaalPlan, ct);
        await Berichten.BerichtenDemo.SeedAsync(db, demoInburgeraar, klok.NuUtc, ct);
        await Pip.VoorlopigPlanDemo.SeedAsync(db, vandaag, ct);
        await Participatie.ParticipatieDemo.VulAsync(db, klok, ct);
        await Welzijn.WelzijnDemo.VulAsync(db, klok, demoInburgeraar, ct);
        await Werk.WerkDemo.VulAsync(db, klok, ct);
        await Netwerk.NetwerkDemo.VulAsync(db, klok, demoInburgeraar, ct);
        await Netwerk.GroepenDemo.VulAsync(db, klok, demoInburgeraar, ct); // h-groepen
        await Logistiek.LogistiekDemo.VulAsync(db, klok, ct); // Logistiek (issue #23)
        await Doelenboom.DoelenboomDemo.VulAsync(db, klok, ct); // h-doelen: Weert doelenboom (issue #22)
        await Ontzorgen.OntzorgenDemo.VulAsync(services, klok, demoInburgeraar, ct); // h-geld: payment runs of the past three months (after the payees)
    }

    /// <summary>
    /// Synthetic TOTP key (base32) of the demo beheer and auditor accounts, documented in the README. Demo data only:
    /// anyone can compute its codes, which is the point for a demo and worthless for a real account.
    /// </summary>
    public const string DemoAuthenticatorSleutel = "KOERSDEMOTOTPSLEUTELVOORDEMO2345";

    /// <summary>Demo accounts for every role (README lists them); all share one password from configuration.</summary>
    private async Task GebruikersAsync(IEnumerable<Medewerker> regisseurs, Medewerker teamleider, Gemeente thuis, Guid? portaalDemo, CancellationToken ct)
    {
        foreach (var rol in Rollen.Alle)
        {
            if (!await roles.RoleExistsAsync(rol)) await roles.CreateAsync(new IdentityRole(rol));
        }

        var wachtwoord = configuration["Koers:DemoWachtwoord"] ?? "Koers-demo-2026";
        async Task Maak(string email, string naam, string[] rollen, Action<Gebruiker>? extra = null)
        {
            var gebruiker = new Gebruiker { UserName = email, Email = email, EmailConfirmed = true, Weergavenaam = naam };
            extra?.Invoke(gebruiker);
            var resultaat = await users.CreateAsync(gebruiker, wachtwoord);
            if (!resultaat.Succeeded) throw new InvalidOperationException(string.Join(" ", resultaat.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(gebruiker, rollen);
        }

        foreach (var m in regisseurs)
        {
            await Maak(m.Email, m.Naam, [Rollen.Klantregisseur], g => g.MedewerkerId = m.Id);
        }

        await Maak(teamleider.Email, teamleider.Naam, [Rollen.Teamleider], g => g.MedewerkerId = teamleider.Id);
        await Maak("beleid@kempen.example", "Ruud Beleid (beleidsmedewerker)", [Rollen.Beleidsmedewerker], g => g.GemeenteId = thuis.Id);
        // Weert's policy officer: Weert steers on its own doelenboom (003:L18-19), which only Regio Weert's monitor shows.
        if (await db.Gemeenten.AsNoTracking().FirstOrDefaultAsync(g => g.Code == "GM0988", ct) is { } weert)
            await Maak("beleid@weert.example", "Wim Beleid (beleidsmedewerker Weert)", [Rollen.Beleidsmedewerker], g => g.GemeenteId = weert.Id);
        await Maak("beheer@kempen.example", "Ilse Beheer (functioneel beheer)", [Rollen.FunctioneelBeheerder], g => g.GemeenteId = thuis.Id);
        await Maak("auditor@kempen.example", "Kees Controle (auditor)", [Rollen.Auditor], g => g.GemeenteId = thuis.Id);
        // These roles must sign in with two steps (Koers:Beveiliging:TweestapsVerplichtVoor); the demo accounts get a
        // fixed, synthetic authenticator key from the README so a demo (and the tests) can compute the code.
        foreach (var email in new[] { "beheer@kempen.example", "auditor@kempen.example" })
        {
            var gebruiker = (await users.FindByEmailAsync(email))!;
            await users.SetAuthenticationTokenAsync(gebruiker, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticatorSleutel);
            await users.SetTwoFactorEnabledAsync(gebruiker, true);
        }

        await Maak("partner@taalschool.example", "Taalschool De Brug (ketenpartner)", [Rollen.Partner]);
        // Ordered on content only (ids are random), so every install links the same demo person.
        var eigen = portaalDemo ?? await db.Inburgeraars.AsNoTracking().Where(i => i.GemeenteId == thuis.Id)
            .OrderBy(i => i.Achternaam).ThenBy(i => i.Voornamen).ThenBy(i => i.Geboortedatum).ThenBy(i => i.BsnIndex).ThenBy(i => i.VNummerIndex)
            .Select(i => i.Id).FirstAsync(ct);
        await Maak("inburgeraar@demo.example", "Demo-inburgeraar", [Rollen.Inburgeraar], g => g.InburgeraarId = eigen);
    }

    /// <summary>
    /// The records behind the milestones, so a demo case looks like one worked in Koers: intake talks and
    /// leefgebieden, the leerbaarheidstoets, and the PIP with its beschikking (a real generated letter).
    /// </summary>
    private void VoegKlantreisDetailsToe(Random random, Inburgeraar inburgeraar, Gemeente gemeente, Dictionary<Mijlpaal, DateOnly> feiten)
    {
        var id = inburgeraar.Id;
        var route = inburgeraar.Leerroute;
        if (feiten.TryGetValue(Mijlpaal.Leerbaarheidstoets, out var toetsDatum))
        {
            var haalbaar = route is Leerroute.B1Route or Leerroute.Onderwijsroute || (route is null && random.Next(2) == 0);
            var afwijking = random.Next(10) == 0;
            var score = haalbaar ^ afwijking ? random.Next(28, 41) : random.Next(8, 28);
            db.Leerbaarheidstoetsen.Add(new Data.Model.Leerbaarheidstoets
            {
                InburgeraarId = id, Aangemeld = toetsDatum.AddDays(-random.Next(5, 20)), Afgenomen = toetsDatum,
                Afnemer = random.Next(2) == 0 ? "KCC-medewerker (gecertificeerd)" : "Bibliotheek (gecertificeerd)",
                Score = score,
            });
        }

        if (feiten.TryGetValue(Mijlpaal.BredeIntake, out var intakeDatum))
        {
            db.Intakegesprekken.Add(new Intakegesprek
            {
                InburgeraarId = id, Datum = intakeDatum.AddDays(-random.Next(7, 21)), Tolk = TolkSoort.Telefoontolk,
                Tolktaal = inburgeraar.TalenLijst.Count > 0 ? inburgeraar.TalenLijst[0] : null, Aanwezigen = "klantregisseur, inburgeraar", VastgelegdDoor = "demodata", VastgelegdOp = klok.NuUtc,
            });
            db.Intakegesprekken.Add(new Intakegesprek
            {
                InburgeraarId = id, Datum = intakeDatum, Tolk = TolkSoort.TolkAanwezig, Tolktaal = inburgeraar.TalenLijst.Count > 0 ? inburgeraar.TalenLijst[0] : null,
                Aanwezigen = "klantregisseur, inburgeraar, maatschappelijk begeleider", VastgelegdDoor = "demodata", VastgelegdOp = klok.NuUtc,
            });
            foreach (var definitie in Leefgebieden.Alle)
            {
                var antwoorden = definitie.Velden.Where(v => v.Verplicht || random.Next(2) == 0).ToDictionary(v => v.Sleutel, v => v.Soort switch
                {
                    VeldSoort.Keuze => v.Opties![random.Next(v.Opties.Count)],
                    VeldSoort.JaNee => random.Next(2) == 0 ? "ja" : "nee",
                    VeldSoort.Getal => random.Next(0, 16).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "Besproken in het intakegesprek.",
                });
                db.Leefgebieden.Add(new LeefgebiedVerslag
                {
                    InburgeraarId = id, Leefgebied = definitie.Leefgebied, GewijzigdDoor = "demodata",
                    AntwoordenJson = System.Text.Json.JsonSerializer.Serialize(antwoorden),
                });
            }

            db.BredeIntakes.Add(new BredeIntake { InburgeraarId = id, AfgerondOp = intakeDatum, AfgerondDoor = "demodata" });
        }

        if (feiten.TryGetValue(Mijlpaal.PipVastgesteld, out var pipDatum) && route is { } leerroute)
        {
            var asiel = inburgeraar.Doelgroep.IsAsielgerelateerd();
            var inhoud = new PipInhoud
            {
                Leerroute = leerroute,
                Niveaus = leerroute == Leerroute.ZRoute ? new Dictionary<Vaardigheid, Taalniveau>()
                    : Enum.GetValues<Vaardigheid>().ToDictionary(v => v, _ => Taalniveau.B1),
                Map = leerroute != Leerroute.Onderwijsroute,
                Participatie = leerroute == Leerroute.ZRoute ? ParticipatieVorm.Dagbesteding : ParticipatieVorm.Vrijwilligerswerk,
                MaatschappelijkeBegeleiding = asiel,
                Ontzorgen = asiel && feiten.ContainsKey(Mijlpaal.StartBijstand),
                Hoofddoel = leerroute switch
                {
                    Leerroute.Onderwijsroute => Hoofddoel.OpleidingMetStudiefinanciering,
                    Leerroute.ZRoute => Hoofddoel.MaatschappelijkFitWorden,
                    _ => Hoofddoel.BetaaldWerken,
                },
                Subdoelen = ["Ik spreek Nederlands met mijn buren", "Ik weet hoe ik mijn post regel"],
                Aanbieder = leerroute switch { Leerroute.Onderwijsroute => "Koning Willem I College", Leerroute.ZRoute => "Stavoor", _ => "Werkvloertaal" },
                GeplandeStart = pipDatum.AddDays(30),
            };
            var brp = feiten.GetValueOrDefault(Mijlpaal.BrpInschrijving);
            var teLaat = brp != default && pipDatum > brp.AddDays(70);
            var versie = new PipVersie
            {
                Id = Guid.NewGuid(), InburgeraarId = id, Versie = 1, Status = PipStatus.Vastgesteld, Leerroute = leerroute,
                InhoudJson = System.Text.Json.JsonSerializer.Serialize(inhoud, OpgeslagenInhoud.PipOpties), Dagtekening = pipDatum,
                TeLaat = teLaat, RedenTeLaat = teLaat ? "Wachtlijst voor de intake bij de taalschool." : null,
                VastgesteldDoor = inburgeraar.Klantregisseur?.Naam ?? "demodata",
            };
            db.PipVersies.Add(versie);
            inburgeraar.LaatsteBeschikkingOp = pipDatum;
            var termijnEinde = feiten.TryGetValue(Mijlpaal.TermijnVerlengdTot, out var verlengd) ? verlengd : Kalender.JarenLater(pipDatum, 3);
            var kenmerk = $"PIP-{gemeente.Code}-{pipDatum:yyyy}-{id.ToString("N")[..8].ToUpperInvariant()}-V1";
            var pdf = BeschikkingBrief.Maak(PipService.Gegevens(inburgeraar, gemeente, inhoud, null, versie, pipDatum, kenmerk, null,
                Domain.Clock.LegalClock.EersteDagInburgeringstermijn(pipDatum), termijnEinde, pipDatum, Domain.Pip.PipMotivering.Redenen(inhoud, null, new Dictionary<Domain.Intake.Leefgebied, IReadOnlyDictionary<string, string?>>(), inburgeraar.Doelgroep)));
            db.Beschikkingen.Add(new Data.Model.Beschikking
            {
                Id = Guid.NewGuid(), InburgeraarId = id, PipVersieId = versie.Id, Soort = BeschikkingSoort.PipVaststelling, Datum = pipDatum,
                Kenmerk = kenmerk, Pdf = pdf, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
                AangemaaktDoor = "demodata", Verzenddatum = pipDatum, VerzondenGeregistreerdDoor = "demodata",
            });
        }
    }

    private static Doelgroep KiesDoelgroep(Random random) => random.Next(100) switch
    {
        < 55 => Doelgroep.Asielstatushouder,
        < 65 => Doelgroep.Nareiziger,
        < 83 => Doelgroep.Gezinsmigrant,
        < 88 => Doelgroep.OverigeMigrant,
        < 97 => Doelgroep.Ondertussengroep,
        _ => Doelgroep.Vrijgesteld,
    };

    /// <summary>
    /// A plausible history up to a randomly chosen stage, ending before today. Lead times follow the
    /// sources loosely: BRP 1-5 months after koppeling, PIP around the 10-week mark (some late).
    /// </summary>
    private static Dictionary<Mijlpaal, DateOnly> Klantreis(Random random, Doelgroep doelgroep, DateOnly vandaag, out Leerroute? leerroute, out bool nietStartklaar)
    {
        var asiel = doelgroep.IsAsielgerelateerd();
        var stappen = new List<(Mijlpaal, int)>();
        var dag = 0;
        void Stap(Mijlpaal m, int min, int max)
        {
            dag += random.Next(min, max + 1);
            stappen.Add((m, dag));
        }

        if (asiel)
        {
            Stap(Mijlpaal.Koppeling, 0, 0);
            Stap(Mijlpaal.WarmeOverdracht, 5, 25);
            Stap(Mijlpaal.BrpInschrijving, 20, 130);
            Stap(Mijlpaal.StartBijstand, 0, 10);
        }
        else
        {
            Stap(Mijlpaal.BrpInschrijving, 0, 0);
        }

        var brp = dag;
        Stap(Mijlpaal.Leerbaarheidstoets, 10, 30);
        Stap(Mijlpaal.BredeIntake, 5, 25);
        dag = brp;
        Stap(Mijlpaal.PipVastgesteld, 45, 95);
        var pip = dag;
        Stap(Mijlpaal.StartLeerroute, 20, 110);
        Stap(Mijlpaal.LaatsteVoortgangsgesprek, 60, 95);
        dag = pip;
        Stap(Mijlpaal.EindgesprekOfExamens, 700, 1000);
        Stap(Mijlpaal.InburgeringsplichtVoldaan, 10, 60);

        leerroute = null;
        nietStartklaar = false;
        if (!doelgroep.ValtOnderWi2021())
        {
            // Wi2013 and exempted people: known to the municipality, no Wi2021 route.
            stappen = stappen.Where(s => s.Item1 is Mijlpaal.Koppeling or Mijlpaal.BrpInschrijving or Mijlpaal.StartBijstand).ToList();
        }

        // How far along this person is: an index into the ordered steps, sometimes with a closing twist.
        var geordend = stappen.OrderBy(s => s.Item2).ToList();
        var tot = random.Next(1, geordend.Count + 1);
        var gekozen = geordend.Take(tot).ToList();
        var laatste = gekozen[^1].Item2;
        var slack = random.Next(0, 90);
        var start = vandaag.AddDays(-(laatste + slack));
        var feiten = gekozen.ToDictionary(s => s.Item1, s => start.AddDays(s.Item2));

        if (feiten.ContainsKey(Mijlpaal.LaatsteVoortgangsgesprek) && !feiten.ContainsKey(Mijlpaal.StartLeerroute))
        {
            feiten.Remove(Mijlpaal.LaatsteVoortgangsgesprek);
        }

        if (feiten.ContainsKey(Mijlpaal.PipVastgesteld) && doelgroep.ValtOnderWi2021())
        {
            leerroute = random.Next(100) switch
            {
                < 55 => Leerroute.ZRoute,
                < 90 => Leerroute.B1Route,
                _ => doelgroep.IsAsielgerelateerd() ? Leerroute.Onderwijsroute : Leerroute.B1Route,
            };
        }
        else if (random.Next(6) == 0)
        {
            nietStartklaar = true;
            var basis = feiten.Values.Max();
            var contact = basis.AddDays(random.Next(0, 80));
            if (contact <= vandaag) feiten[Mijlpaal.LaatsteContact] = contact;
        }

        // Most running cases had a recent progress talk; some are overdue, as in real caseloads.
        if (feiten.TryGetValue(Mijlpaal.PipVastgesteld, out var pipDatum) && doelgroep.ValtOnderWi2021()
            && !feiten.ContainsKey(Mijlpaal.InburgeringsplichtVoldaan) && random.Next(100) < 85)
        {
            var gesprek = vandaag.AddDays(-random.Next(3, 100));
            if (gesprek > pipDatum) feiten[Mijlpaal.LaatsteVoortgangsgesprek] = gesprek;
        }

        // A few cases moved away or got an ontheffing before the end.
        var eind = feiten.Values.Max();
        var draai = random.Next(100);
        if (!feiten.ContainsKey(Mijlpaal.InburgeringsplichtVoldaan) && eind < vandaag.AddDays(-20))
        {
            var sluit = eind.AddDays(random.Next(1, 20));
            if (draai < 4) feiten[Mijlpaal.Verhuisd] = sluit;
            else if (draai < 6 && feiten.ContainsKey(Mijlpaal.PipVastgesteld)) feiten[Mijlpaal.Ontheffing] = sluit;
            else if (draai < 7) feiten[Mijlpaal.Uitgeschreven] = sluit;
        }

        // DUO's notice of the inburgeringsplicht, which starts the PIP term (Besluit inburgering 2021 art. 5.3 lid 1):
        // an asielstatushouder gets it in the azc, about when the permit comes, before the koppeling; someone else a few
        // weeks after settling. Derived without drawing from the generator, so the rest of the demo stays as it was.
        if (doelgroep.ValtOnderWi2021())
        {
            DateOnly? brief = asiel
                ? (feiten.TryGetValue(Mijlpaal.Koppeling, out var koppeling) ? koppeling.AddDays(-7) : null)
                : (feiten.TryGetValue(Mijlpaal.BrpInschrijving, out var inschrijving) ? inschrijving.AddDays(21) : null);
            var grens = MijlpaalInfo.Afsluitend.Where(feiten.ContainsKey).Select(m => feiten[m]).DefaultIfEmpty(vandaag).Min();
            if (brief is { } k && k <= vandaag && k <= grens) feiten[Mijlpaal.KennisgevingInburgeringsplicht] = k;
        }

        return feiten;
    }

    private static Bsn NieuwBsn(Random random, HashSet<string> gebruikt)
    {
        while (true)
        {
            var kandidaat = "999" + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            if (Bsn.PassesElfproef(kandidaat) && gebruikt.Add(kandidaat)) return Bsn.Parse(kandidaat);
        }
    }

    /// <summary>
    /// A random id. The 16 bytes the former fixed id took from the seeded generator are still drawn, so names, BSNs and
    /// phases stay exactly as before; only the id differs per install (a fixed one would be a known handle on every install).
    /// </summary>
    private static Guid NieuwId(Random random)
    {
        random.NextBytes(new byte[16]);
        return Guid.NewGuid();
    }
}

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations, then seeds demo data only when Koers:DemoData is true (appsettings.Development.json sets it,
    /// so `dotnet run` starts with the demo). Refuses to start an unsafe install; see <see cref="Beveiliging.Startcontroles"/>.
    /// </summary>
    public static Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration) =>
        Infrastructure.Bedrijfsvoering.Migratie.MigrerenBijStart(configuration)
            ? Infrastructure.Bedrijfsvoering.Migratie.VoerUitAsync(services, configuration)
            : Infrastructure.Bedrijfsvoering.Migratie.WachtOpSchemaAsync(services, configuration);
}
