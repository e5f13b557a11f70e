using System.Collections.Concurrent;

namespace Koers.Domain.Clock;

/// <summary>
/// An explanation of the clock, made once per distinct input and then shared. A deadline's explanation depends on a
/// few values (a date, a number of months, a doelgroep), and the national recomputation asks for the same few thousand
/// texts hundreds of thousands of times: formatted anew each time they were half of all it allocated (bench/README.md,
/// "The recomputation's first run: what it is not"). The text for an input is always the same string, so sharing it
/// changes nothing a caller can see, as long as the text depends on the key alone: every cache is made with a
/// <c>static</c> lambda, which cannot read anything else (a local, a setting) that the key would then leave out.
/// Bounded: when <paramref name="maximum"/> texts are kept it starts again empty.
/// </summary>
internal sealed class Tekstcache<TSleutel>(Func<TSleutel, string> maak, int maximum = 20_000) where TSleutel : notnull
{
    private readonly ConcurrentDictionary<TSleutel, string> _teksten = new();

    public string this[TSleutel sleutel]
    {
        get
        {
            if (_teksten.TryGetValue(sleutel, out var tekst)) return tekst;
            tekst = maak(sleutel);
            if (_teksten.Count >= maximum) _teksten.Clear();
            _teksten.TryAdd(sleutel, tekst);
            return tekst;
        }
    }
}
