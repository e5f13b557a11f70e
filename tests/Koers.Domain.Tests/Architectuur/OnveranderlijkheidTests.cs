using System.Reflection;
using System.Runtime.CompilerServices;
using Koers.Domain.Sources;

namespace Koers.Domain.Tests.Architectuur;

/// <summary>
/// The domain computes answers from facts; an answer that a caller could change afterwards (a settable property, a
/// public field, a List or array it hands out) would no longer be the answer the rule gave. Every public type in
/// Koers.Domain is therefore immutable: properties get-only or init-only, fields readonly, collections read-only.
/// </summary>
public sealed class OnveranderlijkheidTests
{
    private static readonly Assembly Domein = typeof(Citation).Assembly;

    [Fact]
    public void Elk_publiek_domeintype_is_onveranderlijk()
    {
        var typen = Typen(Domein).ToList();
        Assert.True(typen.Count > 30, $"maar {typen.Count} typen gevonden");
        var fouten = typen.SelectMany(Veranderlijk).ToList();
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    /// <summary>The check itself must find each kind of mutability (so a pass above means something).</summary>
    [Fact]
    public void De_controle_vindt_setters_velden_en_lijsten()
    {
        Assert.Contains(Veranderlijk(typeof(MetSetter)), f => f.Contains("Naam", StringComparison.Ordinal));
        Assert.Contains(Veranderlijk(typeof(MetVeld)), f => f.Contains("Aantal", StringComparison.Ordinal));
        Assert.Contains(Veranderlijk(typeof(MetLijst)), f => f.Contains("Regels", StringComparison.Ordinal));
        Assert.Contains(Veranderlijk(typeof(MetLijst)), f => f.Contains("Cijfers", StringComparison.Ordinal));
        Assert.Empty(Veranderlijk(typeof(Onveranderlijk)));
    }

    /// <summary>A deadline is one of three named cases (Loopt, NogNietTeBerekenen, NietVanToepassing), never eight positional arguments.</summary>
    [Fact]
    public void Een_termijn_ontstaat_alleen_via_zijn_benoemde_gevallen()
    {
        var termijn = typeof(Koers.Domain.Clock.Termijn);
        Assert.Empty(termijn.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Equal(["Loopt", "NietVanToepassing", "NogNietTeBerekenen"],
            termijn.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == termijn && !m.IsSpecialName).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A result that explains itself (a Reden, Toelichting or Melding) also says where the rule comes from: a
    /// <see cref="Citation"/> property, so a screen or letter can show the source beside the reason.
    /// </summary>
    [Fact]
    public void Elk_resultaat_met_een_uitleg_noemt_zijn_bron()
    {
        string[] uitleg = ["Reden", "Toelichting", "Melding"];
        var metUitleg = Typen(Domein).Where(t => t.GetProperties().Any(p => uitleg.Contains(p.Name) && p.PropertyType == typeof(string))).ToList();
        Assert.True(metUitleg.Count >= 5, string.Join(", ", metUitleg.Select(t => t.Name)));
        var zonderBron = metUitleg.Where(t => !t.GetProperties().Any(p => p.PropertyType == typeof(Citation))).Select(t => t.FullName).ToList();
        Assert.True(zonderBron.Count == 0, "Uitleg zonder bron: " + string.Join(", ", zonderBron));
    }

    private static IEnumerable<Type> Typen(Assembly assembly) =>
        assembly.GetTypes().Where(t => (t.IsPublic || t.IsNestedPublic) && !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed));

    private static IEnumerable<string> Veranderlijk(Type t)
    {
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (p.SetMethod is { IsPublic: true } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                yield return $"{t.FullName}.{p.Name}: publieke setter";
            if (p.PropertyType.IsArray || IsVeranderlijkeVerzameling(p.PropertyType))
                yield return $"{t.FullName}.{p.Name}: {p.PropertyType.Name} is te wijzigen; geef een IReadOnlyList/IReadOnlySet";
        }

        foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (!f.IsInitOnly) yield return $"{t.FullName}.{f.Name}: publiek veld zonder readonly";
        }
    }

    private static bool IsVeranderlijkeVerzameling(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
        && (d == typeof(List<>) || d == typeof(Dictionary<,>) || d == typeof(HashSet<>) || d == typeof(ICollection<>) || d == typeof(IList<>)
            || d == typeof(IDictionary<,>) || d == typeof(ISet<>));

    public sealed class MetSetter
    {
        public string Naam { get; set; } = "";
    }

    public sealed class MetVeld
    {
#pragma warning disable CA1051 // the point of this fixture
        public int Aantal;
#pragma warning restore CA1051
    }

    public sealed record MetLijst(List<string> Regels, int[] Cijfers);

    public sealed record Onveranderlijk(string Naam, IReadOnlyList<int> Cijfers)
    {
        public int Extra { get; init; }
    }
}
