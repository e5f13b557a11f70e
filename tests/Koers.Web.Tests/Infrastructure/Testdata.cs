using System.Globalization;
using System.Net;

namespace Koers.Web.Tests.Infrastructure;

public static class Testdata
{
    private static int _volgnummer = Random.Shared.Next(1_000_000, 9_000_000);

    /// <summary>
    /// A fresh BSN that passes the elfproef, computed here independently of the domain code: choose eight
    /// digits, then the ninth so that 9·d1 + … + 2·d8 − d9 is divisible by 11.
    /// </summary>
    public static string NieuwBsn()
    {
        while (true)
        {
            var prefix = "1" + Interlocked.Increment(ref _volgnummer).ToString("D7", CultureInfo.InvariantCulture);
            var som = 0;
            for (var i = 0; i < 8; i++) som += (9 - i) * (prefix[i] - '0');
            var laatste = som % 11;
            if (laatste < 10) return prefix + laatste;
        }
    }

    /// <summary>
    /// Completes the brede intake of a case through the API: an intake talk, every leefgebied with its required
    /// fields answered (the first option, "nee", 4 or text), then closing the intake. Shared by the klantreis and
    /// DUO tests, which both need a case ready for its PIP.
    /// </summary>
    /// <summary>
    /// Takes a new case to a vastgesteld PIP through the API, as a klantregisseur would: BRP inschrijving 14 April 2026,
    /// the whole intake, a leerbaarheidstoets, a B1-route concept and vaststellen on 15 June 2026.
    /// </summary>
    public static async Task PipVaststellenAsync(HttpClient client, string id)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/mijlpalen/brpInschrijving", new { datum = "2026-04-14" })).StatusCode);
        await Testdata.IntakeVolledigAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/leerbaarheidstoets",
            new { aangemeld = "2026-04-20", afgenomen = "2026-05-06", afnemer = "Afnemer", score = 30 })).StatusCode);
        var concept = await (await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/pip/concept", new
        {
            leerroute = "b1Route", knm = true, pvt = true, map = true, participatie = "vrijwilligerswerk", hoofddoel = "betaaldWerken",
            aanbieder = "Taalschool", geplandeStart = "2026-07-01",
        })).LeesAsync();
        Assert.True(concept["magVastgesteld"]!.GetValue<bool>(), concept.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/pip/vaststellen",
            new { dagtekening = "2026-06-15", redenTeLaat = "Wachten op de uitslag van de proefles." })).StatusCode);
    }

    public static async Task IntakeVolledigAsync(HttpClient client, string id)
    {
        await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/gesprekken", new { datum = "2026-05-04", tolk = "telefoontolk", tolktaal = "Tigrinya" });
        var definities = (await (await client.GetAsync("/api/v1/leefgebieden")).LeesAsync()).AsArray();
        foreach (var d in definities)
        {
            var antwoorden = new Dictionary<string, string?>();
            foreach (var veld in d!["velden"]!.AsArray().Where(v => v!["verplicht"]!.GetValue<bool>()))
            {
                antwoorden[veld!["sleutel"]!.GetValue<string>()] = veld["soort"]!.GetValue<string>() switch
                {
                    "keuze" => veld["opties"]![0]!.GetValue<string>(),
                    "jaNee" => "nee",
                    "getal" => "4",
                    _ => "ingevuld",
                };
            }

            var r = await client.PutJsonAsync($"/api/v1/inburgeraars/{id}/intake/leefgebieden/{d["leefgebied"]!.GetValue<string>()}", new { antwoorden, notities = "notitie" });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var af = await client.PostJsonAsync($"/api/v1/inburgeraars/{id}/intake/afronden", new { datum = "2026-05-20" });
        Assert.Equal(HttpStatusCode.OK, af.StatusCode);
    }

    public static Dictionary<string, object?> Inburgeraar(string? bsn = null, string gemeente = "GM1724", string doelgroep = "asielstatushouder",
        string? koppelingsdatum = "2026-05-01", int? klantregisseurId = null) => new()
        {
            ["voornamen"] = "Testa",
            ["achternaam"] = "Proefpersoon",
            ["geboortedatum"] = "1990-03-14",
            ["bsn"] = bsn ?? NieuwBsn(),
            ["nationaliteit"] = "Eritrese",
            ["talen"] = new[] { "Tigrinya", "Arabisch" },
            ["doelgroep"] = doelgroep,
            ["gemeente"] = gemeente,
            ["klantregisseurId"] = klantregisseurId,
            ["koppelingsdatum"] = koppelingsdatum,
            ["telefoon"] = "06-12345678",
            // A full (synthetic) address: decision letters are refused without one.
            ["adres"] = "Teststraat 1, 5571 AA Bergeijk",
            ["gezinsleden"] = new[] { new Dictionary<string, object?> { ["naam"] = "Kind Proefpersoon", ["relatie"] = "kind", ["geboortedatum"] = "2019-01-01" } },
        };
}
