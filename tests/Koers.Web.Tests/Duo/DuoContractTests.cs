using Koers.Web.Tests.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Koers.Domain.Dossier;
using Koers.Domain.Duo;
using Koers.Domain.Pip;
using Koers.Web.Features.Duo;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// Contract tests against DUO's published OpenAPI files: Koers' records carry exactly the schema's fields, every
/// coded value Koers sends is in DUO's enums, the paths Koers calls exist, and what the simulator and Koers put on
/// the wire validates against the schema.
/// </summary>
public sealed class DuoContractTests(DuoSqliteOmgeving omgeving) : IClassFixture<DuoSqliteOmgeving>
{
    public static TheoryData<Type, string, string> Records => new()
    {
        { typeof(DuoNotificatieBericht), "Notificatie", "Notificatie" },
        { typeof(DuoFoutmelding), "PIP", "Foutmelding" },
        { typeof(DuoInburgeringsplicht), "Inburgeringsplicht", "Inburgeringsplicht" },
        { typeof(DuoDoelgroep), "Inburgeringsplicht", "Doelgroep" },
        { typeof(DuoLbtResultaat), "Leerbaarheidstoets", "Resultaat" },
        { typeof(DuoInburgeringstermijn), "Inburgeringstermijn", "Inburgeringstermijn" },
        { typeof(DuoExamenresultaat), "Examen", "Examenresultaat" },
        { typeof(DuoPip), "PIP", "PIP" },
        { typeof(DuoGemeentePip), "PIP", "Gemeente" },
        { typeof(DuoUren), "GevolgdeUren", "TaallesEnKnmBredeIntake" },
        { typeof(DuoVrijstelling), "Vrijstelling", "Vrijstelling" },
        { typeof(DuoGeheleVrijstelling), "Vrijstelling", "GeheleVrijstelling" },
        { typeof(DuoTijdelijkeVrijstelling), "Vrijstelling", "TijdelijkeVrijstelling" },
        { typeof(DuoGedeeltelijkeVrijstelling), "Vrijstelling", "GedeeltelijkeVrijstelling" },
        { typeof(DuoOntheffing), "Ontheffing", "Ontheffing" },
        { typeof(DuoGeheleOntheffing), "Ontheffing", "GeheleOntheffing" },
        { typeof(DuoGedeeltelijkeOntheffing), "Ontheffing", "GedeeltelijkeOntheffing" },
        { typeof(DuoDatumMap), "MapPvtZroute", "DatumMap" },
        { typeof(DuoResultaatMap), "MapPvtZroute", "ResultaatMap" },
        { typeof(DuoDatumPvt), "MapPvtZroute", "DatumPvt" },
        { typeof(DuoResultaatPvt), "MapPvtZroute", "ResultaatPvt" },
        { typeof(DuoResultaatZroute), "MapPvtZroute", "ResultaatZroute" },
        { typeof(DuoGevolgdeUren), "GevolgdeUren", "Gemeente" },
        { typeof(DuoInburgeringsaanbod), "Inburgeringsaanbod", "Inburgeringsaanbod" },
        { typeof(DuoInburgeringsplichthistorie), "Inburgeringsplicht", "Inburgeringsplichthistorie" },
        { typeof(DuoDoelgroephistorie), "Inburgeringsplicht", "Doelgroephistorie" },
        { typeof(DuoInburgeringstermijnhistorie), "Inburgeringstermijn", "Inburgeringstermijnhistorie" },
        { typeof(DuoVerlengingsgrond), "Inburgeringstermijn", "Verlengingsgrond" },
        { typeof(DuoGratisPogingTegoed), "Examen", "GratisPogingTegoed" },
        { typeof(DuoExamennummer), "Leerbaarheidstoets", "Examennummer" },
        { typeof(DuoInstelling), "Inburgeringsaanbod", "Instelling" },
        { typeof(DuoContactpersoongegevens), "Contactpersoon", "Contactpersoongegevens" },
        { typeof(DuoContactpersoon), "Contactpersoon", "Contactpersoon" },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Record_heeft_precies_de_velden_van_het_schema(Type record, string api, string schema)
    {
        var s = Spec.Schema(Spec.Laad(api), schema);
        var schemaVelden = s.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var verplicht = s.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var recordVelden = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == record && p.Name != "EqualityContract")
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet();

        Assert.Empty(recordVelden.Except(schemaVelden));
        Assert.Empty(verplicht.Except(recordVelden));
        // And the other way round: no schema field is silently dropped.
        Assert.Empty(schemaVelden.Except(recordVelden));
    }

    /// <summary>
    /// Every operation of DUO's APIs Koers calls (and the one it serves: POST /notificaties), each made by DuoClient or
    /// the outbox where the klantreis needs it. <see cref="Elke_operatie_uit_de_specs_van_DUO_gebruikt_Koers"/> fails when
    /// DUO publishes one that is not here, or one here disappears from DUO's specs.
    /// </summary>
    public static TheoryData<string, string, string> Operaties => new()
    {
        { "Inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht", "get" },
        { "Inburgeringsplicht", "/personen/{bsn}/doelgroep", "get" },
        { "Leerbaarheidstoets", "/personen/{bsn}/lbt/resultaten", "get" },
        { "Inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn", "get" },
        { "Examen", "/personen/{bsn}/examens/resultaten", "get" },
        { "Examen", "/personen/{bsn}/examens/gratispogingen", "get" },
        { "Inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht/historie", "get" },
        { "Inburgeringsplicht", "/personen/{bsn}/doelgroep/historie", "get" },
        { "Inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn/historie", "get" },
        { "Inburgeringstermijn", "/verlengingsgronden", "get" },
        { "Leerbaarheidstoets", "/personen/{bsn}/lbt/examennummer", "get" },
        { "PIP", "/personen/{bsn}/PIP", "post" },
        { "PIP", "/personen/{bsn}/PIP", "get" },
        { "PIP", "/personen/{bsn}/PIP", "delete" },
        { "GevolgdeUren", "/personen/{bsn}/uren/bredeintake/taallesknm", "put" },
        { "GevolgdeUren", "/personen/{bsn}/uren/participatieactiviteiten", "put" },
        { "GevolgdeUren", "/personen/{bsn}/uren/participatietaalles", "put" },
        { "GevolgdeUren", "/personen/{bsn}/uren", "get" },
        { "Vrijstelling", "/personen/{bsn}/vrijstellingen", "get" },
        { "Ontheffing", "/personen/{bsn}/ontheffingen", "get" },
        { "MapPvtZroute", "/personen/{bsn}/map", "get" },
        { "MapPvtZroute", "/personen/{bsn}/pvt", "get" },
        { "MapPvtZroute", "/personen/{bsn}/map", "put" },
        { "MapPvtZroute", "/personen/{bsn}/pvt", "put" },
        { "MapPvtZroute", "/personen/{bsn}/zroute", "put" },
        { "Notificatie", "/notificaties", "post" },
        { "Leerbaarheidstoets", "/personen/{bsn}/lbt/examennummer", "delete" },
        { "Inburgeringsaanbod", "/instellingen", "get" },
        { "Inburgeringsaanbod", "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", "post" },
        { "Inburgeringsaanbod", "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", "delete" },
        { "Contactpersoon", "/contactpersonen", "post" },
        { "Contactpersoon", "/contactpersonen/{id}", "put" },
        { "Contactpersoon", "/contactpersonen/{id}", "delete" },
        { "Contactpersoon", "/contactpersonen/{id}/personen/{bsn}", "post" },
        { "Contactpersoon", "/contactpersonen/{id}/personen/{bsn}", "delete" },
    };

    [Theory]
    [MemberData(nameof(Operaties))]
    public void Pad_dat_Koers_gebruikt_staat_in_de_spec(string api, string pad, string methode)
    {
        var doc = Spec.Laad(api);
        Assert.True(doc.GetProperty("paths").TryGetProperty(pad, out var p), pad);
        Assert.True(p.TryGetProperty(methode, out _), $"{methode} {pad}");
        if (api == "Notificatie") Assert.EndsWith(pad, DuoNotificatieApi.Pad, StringComparison.Ordinal);
    }

    [Fact]
    public void Elke_operatie_uit_de_specs_van_DUO_gebruikt_Koers()
    {
        var inSpecs = Directory.GetFiles(Spec.Map, "*.openapi.json")
            .SelectMany(f =>
            {
                var api = Path.GetFileName(f)[..^".openapi.json".Length];
                return Spec.Laad(api).GetProperty("paths").EnumerateObject()
                    .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name is "get" or "put" or "post" or "delete" or "patch").Select(m => $"{api} {m.Name.ToUpperInvariant()} {p.Name}"));
            })
            .Order(StringComparer.Ordinal).ToList();
        var inKoers = Operaties.Select(o => $"{o[0]} {((string)o[2]).ToUpperInvariant()} {o[1]}").Order(StringComparer.Ordinal).ToList();
        Assert.True(inSpecs.Count >= 35, $"maar {inSpecs.Count} operaties in de specs");
        Assert.Equal(inSpecs, inKoers);
    }

    [Fact]
    public void Elke_doelgroepindeling_en_elk_examenonderdeel_van_DUO_heeft_een_vertaling()
    {
        foreach (var indeling in Spec.Enum(Spec.Laad("Inburgeringsplicht"), "Doelgroepindeling"))
        {
            Assert.NotNull(DuoVertaling.Doelgroep(indeling));
        }

        foreach (var onderdeel in Spec.Enum(Spec.Laad("Examen"), "ExamenonderdeelWI2021Inburgering"))
        {
            var naam = DuoVertaling.Examenonderdeel(onderdeel);
            Assert.True(naam is not null && Enum.TryParse<Koers.Data.Model.Keten.Examenonderdeel>(naam, out _), onderdeel);
        }

        Assert.Null(DuoVertaling.Doelgroep("Iets anders"));
    }

    [Fact]
    public void Codes_die_Koers_naar_DUO_stuurt_staan_in_de_enums_van_de_PIP_spec()
    {
        var pip = Spec.Laad("PIP");
        var routes = Spec.Enum(pip, "Leerroute");
        foreach (var r in Enum.GetValues<Leerroute>()) Assert.Contains(DuoVertaling.Leerroute(r), routes);
        var alfa = Spec.Enum(pip, "Alfabetiseringsonderwijs");
        foreach (var a in Enum.GetValues<Alfabetisering>()) Assert.Contains(DuoVertaling.Alfabetisering(a), alfa);
        var niveaus = Spec.Enum(pip, "NiveauPip");
        Assert.Contains(DuoVertaling.Niveau(new PipInhoud { Leerroute = Leerroute.B1Route }), niveaus);
        Assert.Contains(DuoVertaling.Niveau(new PipInhoud { Leerroute = Leerroute.B1Route, Niveaus = new Dictionary<Vaardigheid, Taalniveau> { [Vaardigheid.Lezen] = Taalniveau.A2 } }), niveaus);
        Assert.Null(DuoVertaling.Niveau(new PipInhoud { Leerroute = Leerroute.ZRoute }));
    }

    [Fact]
    public void Elke_gebeurtenis_uit_de_DUO_catalogus_is_bekend_in_Koers()
    {
        var tekst = File.ReadAllText(Path.Combine(Spec.Map, "Gebeurtenissen.md"));
        var codes = Regex.Matches(tekst, @"^\|\s*(SS\d{3})\s*\|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(codes.Count >= 25, $"maar {codes.Count} codes gevonden");
        foreach (var code in codes) Assert.True(DuoGebeurtenissen.Zoek(code) is not null, code);
        Assert.Equal(DuoReactie.NieuwePlichtige, DuoGebeurtenissen.Zoek("SS101")!.Reactie);
        Assert.Equal(DuoReactie.ToetsResultaat, DuoGebeurtenissen.Zoek("SS131")!.Reactie);
        Assert.Equal(DuoReactie.Examenresultaat, DuoGebeurtenissen.Zoek("SS199")!.Reactie);
    }

    [Fact]
    public void Geplande_attentiesignalen_zijn_bekend_en_worden_niet_geparkeerd()
    {
        var tekst = File.ReadAllText(Path.Combine(Spec.Map, "Attentiesignalen.md"));
        var codes = Regex.Matches(tekst, @"\b(SS\d{3})\b").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(codes.Count >= 12, $"maar {codes.Count} codes gevonden");
        foreach (var code in codes)
        {
            var g = DuoGebeurtenissen.Zoek(code);
            Assert.True(g is not null, code);
            Assert.Equal(DuoReactie.NogNietInGebruik, g.Reactie);
        }

        // Every event that closes a case says how, and every decision event says where DUO keeps the decision or what to do.
        Assert.All(DuoGebeurtenissen.Catalogus.Where(g => g.Reactie == DuoReactie.PlichtBeeindigd), g => Assert.NotNull(g.Afsluiting));
        Assert.All(DuoGebeurtenissen.Catalogus.Where(g => g.Reactie is DuoReactie.PlichtBeeindigd or DuoReactie.DuoBesluit), g => Assert.False(string.IsNullOrWhiteSpace(g.Actie), g.Code));
    }

    [Fact]
    public void De_kopie_van_de_specs_is_byte_gelijk_aan_de_gepubliceerde_commit_en_compleet()
    {
        // herkomst.tsv lists every API folder and event page of DUO's repository at the cited commit with git's blob
        // id there (made with `git rev-parse <commit>:<path>`); a file edited by hand, or a new version copied without
        // updating the list, fails here.
        var regels = File.ReadAllLines(Path.Combine(Spec.Map, "herkomst.tsv")).Where(r => !r.StartsWith('#') && r.Length > 0)
            .Select(r => r.Split('\t')).ToList();
        Assert.Equal(12, regels.Count(r => r[0].StartsWith("API/", StringComparison.Ordinal))); // DUO's twelve APIs, Contactpersoon included
        foreach (var r in regels)
        {
            Assert.Equal(r[2], Git.BlobId(File.ReadAllBytes(Path.Combine(Spec.Map, r[1]))));
        }

        // Each YAML copy has its JSON twin with the same version, and no spec file is outside the list.
        var lokaal = Directory.GetFiles(Spec.Map, "*.openapi.yml").Select(Path.GetFileName).ToHashSet();
        Assert.Equal(lokaal.Order(), regels.Select(r => r[1]).Where(f => f.EndsWith(".openapi.yml", StringComparison.Ordinal)).Order());
        foreach (var yml in lokaal)
        {
            var versie = Regex.Match(File.ReadAllText(Path.Combine(Spec.Map, yml!)), @"^  version: ""?([0-9.]+)""?$", RegexOptions.Multiline).Groups[1].Value;
            Assert.Equal(versie, Spec.Laad(yml![..^".openapi.yml".Length]).GetProperty("info").GetProperty("version").GetString());
        }
    }

    [Fact]
    public void Wat_Koers_verstuurt_voldoet_aan_het_schema()
    {
        var pip = Spec.Laad("PIP");
        var bericht = new DuoPip(new DateOnly(2026, 6, 15), "B", "B1", 600, null, "NVT");
        var json = JsonSerializer.SerializeToElement(bericht, DuoJson.Opties);
        Assert.Empty(Spec.Valideer(json, Spec.Antwoord(pip, "/personen/{bsn}/PIP", "post", "request"), pip));

        var fout = JsonSerializer.SerializeToElement(bericht with { Leerroute = "X", GeschatteIntensiteitB1Route = 10000 }, DuoJson.Opties);
        Assert.Equal(2, Spec.Valideer(fout, Spec.Antwoord(pip, "/personen/{bsn}/PIP", "post", "request"), pip).Count); // the validator itself can fail

        var notificatie = Spec.Laad("Notificatie");
        var n = JsonSerializer.SerializeToElement(new DuoNotificatieBericht(DateTimeOffset.UtcNow, "SS101", "999990019"), DuoJson.Opties);
        Assert.Empty(Spec.Valideer(n, Spec.Schema(notificatie, "Notificatie"), notificatie));

        var uren = Spec.Laad("GevolgdeUren");
        Assert.Empty(Spec.Valideer(JsonSerializer.SerializeToElement(new DuoUren(120), DuoJson.Opties),
            Spec.Antwoord(uren, "/personen/{bsn}/uren/participatieactiviteiten", "put", "request"), uren));

        // MAP and PVT with DUO's Ja/Nee; a J/N code would not do.
        var mpz = Spec.Laad("MapPvtZroute");
        Assert.Empty(Spec.Valideer(JsonSerializer.SerializeToElement(new DuoResultaatMap(new DateOnly(2029, 7, 1), DuoMapPvtControle.JaNee(false)), DuoJson.Opties),
            Spec.Antwoord(mpz, "/personen/{bsn}/map", "put", "request"), mpz));
        Assert.Empty(Spec.Valideer(JsonSerializer.SerializeToElement(new DuoResultaatPvt(new DateOnly(2029, 7, 1), DuoMapPvtControle.JaNee(true)), DuoJson.Opties),
            Spec.Antwoord(mpz, "/personen/{bsn}/pvt", "put", "request"), mpz));
        Assert.Single(Spec.Valideer(JsonSerializer.SerializeToElement(new DuoResultaatPvt(new DateOnly(2029, 7, 1), "N"), DuoJson.Opties),
            Spec.Antwoord(mpz, "/personen/{bsn}/pvt", "put", "request"), mpz));

        // The inburgeringsaanbod with DUO's A/AA/NVT for every Alfabetisering Koers knows.
        var aanbod = Spec.Laad("Inburgeringsaanbod");
        foreach (var a in Enum.GetValues<Alfabetisering>())
        {
            Assert.Empty(Spec.Valideer(JsonSerializer.SerializeToElement(new DuoInburgeringsaanbod(DuoVertaling.Alfabetisering(a), new DateOnly(2026, 6, 16), null, new DateOnly(2027, 7, 1)), DuoJson.Opties),
                Spec.Antwoord(aanbod, "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", "post", "request"), aanbod));
        }

        // The contactpersoon: the same body for POST and PUT; a telephone number outside DUO's pattern fails.
        var cp = Spec.Laad("Contactpersoon");
        var gegevens = new DuoContactpersoongegevens("Sanne de Vries", "sanne.devries@kempen.example", "040 123 4567");
        Assert.Empty(Spec.Valideer(JsonSerializer.SerializeToElement(gegevens, DuoJson.Opties), Spec.Antwoord(cp, "/contactpersonen", "post", "request"), cp));
        Assert.Empty(Spec.Valideer(JsonSerializer.SerializeToElement(gegevens, DuoJson.Opties), Spec.Antwoord(cp, "/contactpersonen/{id}", "put", "request"), cp));
        Assert.NotEmpty(Spec.Valideer(JsonSerializer.SerializeToElement(gegevens with { Telefoonnummer = "bel me maar" }, DuoJson.Opties), Spec.Antwoord(cp, "/contactpersonen", "post", "request"), cp));
    }

    [Fact]
    public async Task Antwoorden_van_de_simulator_voldoen_aan_de_gepubliceerde_schemas()
    {
        var bsn = Infrastructure.Testdata.NieuwBsn();
        var sim = omgeving.Sim;
        var p = sim.Persoon(bsn);
        p.Plicht = new DuoInburgeringsplicht(true, new DateOnly(2026, 1, 5), DatumKennisgevingInburgeringsplicht: new DateOnly(2026, 1, 5));
        p.Doelgroep = new DuoDoelgroep("Asielstatushouder", new DateOnly(2026, 1, 5), "Asielstatushouder");
        p.Lbt.Add(new DuoLbtResultaat("B1-route haalbaar", "31,00", "28,00", new DateOnly(2026, 2, 1)));
        p.Termijn = new DuoInburgeringstermijn(new DateOnly(2026, 3, 1), new DateOnly(2029, 3, 1));
        p.Examens.Add(new DuoExamenresultaat(new DateOnly(2026, 5, 1), "Geslaagd", "LE", Niveau: "B1"));

        p.Vrijstellingen.Add(new DuoVrijstelling(GedeeltelijkeVrijstelling: new DuoGedeeltelijkeVrijstelling("DIP", "Toekenning", new DateOnly(2026, 5, 2), "SP")));
        p.Ontheffingen.Add(new DuoOntheffing(GeheleOntheffing: new DuoGeheleOntheffing("Afwijzing", new DateOnly(2026, 5, 3), "MED")));
        p.Pips.Add(new DuoPip(new DateOnly(2026, 3, 1), "B", "B1", IndicatorAlfabetiseringsonderwijs: "NVT"));
        p.PipGemeente = "0758";
        p.Map = new DuoResultaatMap(new DateOnly(2026, 5, 4));
        p.Pvt = new DuoResultaatPvt(new DateOnly(2026, 5, 5));
        p.Uren["bredeintake/taallesknm"] = 40;
        p.Uren["participatieactiviteiten"] = 120;

        var gevallen = new (string Api, string Pad, string SpecPad)[]
        {
            ("Vrijstelling", "vrijstellingen", "/personen/{bsn}/vrijstellingen"),
            ("Ontheffing", "ontheffingen", "/personen/{bsn}/ontheffingen"),
            ("PIP", "PIP", "/personen/{bsn}/PIP"),
            ("Inburgeringsplicht", "inburgeringsplicht", "/personen/{bsn}/inburgeringsplicht"),
            ("Inburgeringsplicht", "doelgroep", "/personen/{bsn}/doelgroep"),
            ("Leerbaarheidstoets", "lbt/resultaten", "/personen/{bsn}/lbt/resultaten"),
            ("Inburgeringstermijn", "inburgeringstermijn", "/personen/{bsn}/inburgeringstermijn"),
            ("Examen", "examens/resultaten", "/personen/{bsn}/examens/resultaten"),
            ("MapPvtZroute", "map", "/personen/{bsn}/map"),
            ("MapPvtZroute", "pvt", "/personen/{bsn}/pvt"),
            ("Inburgeringsplicht", "inburgeringsplicht/historie", "/personen/{bsn}/inburgeringsplicht/historie"),
            ("Inburgeringsplicht", "doelgroep/historie", "/personen/{bsn}/doelgroep/historie"),
            ("Inburgeringstermijn", "inburgeringstermijn/historie", "/personen/{bsn}/inburgeringstermijn/historie"),
            ("Examen", "examens/gratispogingen", "/personen/{bsn}/examens/gratispogingen"),
            ("Leerbaarheidstoets", "lbt/examennummer", "/personen/{bsn}/lbt/examennummer"),
            ("GevolgdeUren", "uren", "/personen/{bsn}/uren"),
        };
        using var client = omgeving.App.CreateClient();
        foreach (var (api, pad, specPad) in gevallen)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Get, $"/duo-simulator/v1/personen/{bsn}/{pad}");
            verzoek.Headers.Add("bron", "00000001999999999000");
            verzoek.Headers.Add("doel", "00000001888888888000");
            verzoek.Headers.Add("berichtId", Guid.NewGuid().ToString());
            using var antwoord = await client.SendAsync(verzoek);
            Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
            var doc = Spec.Laad(api);
            var json = JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement;
            Assert.Empty(Spec.Valideer(json, Spec.Antwoord(doc, specPad, "get", "200"), doc));
        }

        // DUO's list of verlengingsgronden is not about a person.
        using (var gronden = new HttpRequestMessage(HttpMethod.Get, "/duo-simulator/v1/verlengingsgronden"))
        {
            gronden.Headers.Add("bron", "00000001999999999000");
            gronden.Headers.Add("doel", "00000001888888888000");
            gronden.Headers.Add("berichtId", Guid.NewGuid().ToString());
            using var antwoord = await client.SendAsync(gronden);
            var doc = Spec.Laad("Inburgeringstermijn");
            Assert.Empty(Spec.Valideer(JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement, Spec.Antwoord(doc, "/verlengingsgronden", "get", "200"), doc));
        }

        // DUO's list of instellingen, and the answer to registering a contactpersoon (with DUO's id).
        using (var lijst = new HttpRequestMessage(HttpMethod.Get, "/duo-simulator/v1/instellingen"))
        {
            Koppen(lijst);
            using var antwoord = await client.SendAsync(lijst);
            var doc = Spec.Laad("Inburgeringsaanbod");
            var json = JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement;
            Assert.Empty(Spec.Valideer(json, Spec.Antwoord(doc, "/instellingen", "get", "200"), doc));
            Assert.True(json.GetArrayLength() >= 3);
        }

        using (var post = new HttpRequestMessage(HttpMethod.Post, "/duo-simulator/v1/contactpersonen")
        { Content = JsonContent.Create(new DuoContactpersoongegevens("Sanne de Vries", "sanne@kempen.example", "+31 40 123 4567"), options: DuoJson.Opties) })
        {
            Koppen(post);
            using var antwoord = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
            var doc = Spec.Laad("Contactpersoon");
            var json = JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement;
            Assert.Empty(Spec.Valideer(json, Spec.Antwoord(doc, "/contactpersonen", "post", "201"), doc));
            Assert.True(json.GetProperty("id").GetInt32() > 0);
        }

        // A refusal of a MAP (the PIP is another municipality's) is DUO's 403 body: an array of Foutmelding.
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/duo-simulator/v1/personen/{bsn}/map")
        { Content = JsonContent.Create(new DuoResultaatMap(new DateOnly(2026, 6, 1)), options: DuoJson.Opties) })
        {
            put.Headers.Add("bron", "00000001999999999000");
            put.Headers.Add("doel", "00000001888888888000");
            put.Headers.Add("berichtId", Guid.NewGuid().ToString());
            using var weigering = await client.SendAsync(put);
            Assert.Equal(HttpStatusCode.Forbidden, weigering.StatusCode);
            var doc = Spec.Laad("MapPvtZroute");
            var json = JsonDocument.Parse(await weigering.Content.ReadAsStringAsync()).RootElement;
            Assert.Empty(Spec.Valideer(json, Spec.Antwoord(doc, "/personen/{bsn}/map", "put", "403"), doc));
            Assert.Contains("actuele PIP", json[0].GetProperty("fouttekst").GetString(), StringComparison.Ordinal);
        }

        static void Koppen(HttpRequestMessage v)
        {
            v.Headers.Add("bron", "00000001999999999000");
            v.Headers.Add("doel", "00000001888888888000");
            v.Headers.Add("berichtId", Guid.NewGuid().ToString());
        }

        // Without DUO's headers the simulator refuses, as Digikoppeling would.
        using var kaal = await client.GetAsync($"/duo-simulator/v1/personen/{bsn}/inburgeringsplicht");
        Assert.Equal(HttpStatusCode.BadRequest, kaal.StatusCode);
    }
}
