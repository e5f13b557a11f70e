namespace Koers.Web.Kern;

/// <summary>The outcome of a command: done, or the reasons it was refused (field → Dutch messages). Nothing is saved when refused.</summary>
public sealed class Uitkomst<T>
{
    public T? Waarde { get; private init; }
    public Dictionary<string, string[]> Fouten { get; private init; } = [];
    public bool NietGevonden { get; private init; }
    public bool Gelukt => Fouten.Count == 0 && !NietGevonden;

    public static Uitkomst<T> Ok(T waarde) => new() { Waarde = waarde };
    public static Uitkomst<T> Geweigerd(Dictionary<string, string[]> fouten) => new() { Fouten = fouten };
    public static Uitkomst<T> Onbekend() => new() { NietGevonden = true };
}
