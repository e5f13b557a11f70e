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
            var prefix = "1" + Interlocked.Increment(ref _volgnummer).ToString("D7");
            var som = 0;
            for (var i = 0; i < 8; i++) som += (9 - i) * (prefix[i] - '0');
            var laatste = som % 11;
            if (laatste < 10) return prefix + laatste;
        }
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
        ["gezinsleden"] = new[] { new Dictionary<string, object?> { ["naam"] = "Kind Proefpersoon", ["relatie"] = "kind", ["geboortedatum"] = "2019-01-01" } },
    };
}
