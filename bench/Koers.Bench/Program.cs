using Koers.Bench;
using Microsoft.Extensions.Configuration;

// Koers benchmark: a synthetic national data set and a load client. See bench/README.md.
//   genereer --gevallen 150000 --pg "<connstr>" [--seed 2021] [--vandaag 2026-06-16] [--auditjaar 25000000 (rows of a year of audit)]
//   last --url http://127.0.0.1:5080 --pg "<connstr>" [--gebruikers 100] [--duur 20] [--opwarmen 5] [--uit results.md] [--scenario csv]
//        [--csvgebruikers 2 --csvregels 10000 --csvuploads 5] [--duotoken T (or KOERS_BENCH_DUO_TOKEN) --duomeldingen 5000 --duoverzenders 20 --duodrain 600]
var opties = Opties.Lees(args.Skip(1).ToArray());
switch (args.FirstOrDefault())
{
    case "genereer":
        await new Generator(opties.Pg, opties.Getal("gevallen", 150_000), opties.Getal("seed", 2021), opties.Datum("vandaag"), opties.Bsn)
        {
            Auditjaar = opties.Getal("auditjaar", 0),
        }.GenereerAsync();
        return 0;
    case "last":
        return await Lastclient.DraaiAsync(opties);
    default:
        Console.Error.WriteLine("Gebruik: Koers.Bench genereer --gevallen N --pg CONNSTR | last --url URL --pg CONNSTR [--gebruikers 100 --duur 20]");
        return 2;
}

namespace Koers.Bench
{
    public sealed class Opties(Dictionary<string, string> waarden)
    {
        public static Opties Lees(string[] args)
        {
            var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
                d[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }

            return new Opties(d);
        }

        public string Pg => Tekst("pg") ?? Environment.GetEnvironmentVariable("KOERS_BENCH_PG")
            ?? throw new ArgumentException("--pg <connectiestring> ontbreekt");

        public string? Tekst(string naam) => waarden.GetValueOrDefault(naam);

        /// <summary>
        /// The BSN keys of the Koers under test, from the same environment variables Koers reads (Koers__Bsn__Sleutels__1,
        /// Koers__Bsn__IndexSleutels__1, …; run.sh makes a fresh pair per run): the generator writes what Koers can read.
        /// </summary>
        public Koers.Data.Versleuteling.BsnBescherming Bsn => _bsn ??= Koers.Data.Versleuteling.BsnBescherming.UitConfiguratie(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(
                Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                    .Where(e => ((string)e.Key).StartsWith("Koers__Bsn__", StringComparison.OrdinalIgnoreCase))
                    .Select(e => KeyValuePair.Create(((string)e.Key).Replace("__", ":"), (string?)e.Value))).Build());

        private Koers.Data.Versleuteling.BsnBescherming? _bsn;

        public int Getal(string naam, int standaard) => waarden.TryGetValue(naam, out var w) ? int.Parse(w, System.Globalization.CultureInfo.InvariantCulture) : standaard;

        public DateOnly Datum(string naam) => waarden.TryGetValue(naam, out var w) ? DateOnly.Parse(w, System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.Now);
    }
}
