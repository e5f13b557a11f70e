using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Koers.Web.Tests.Codebase;

/// <summary>
/// Which feature (folder under src/Koers.Web/Features, and the shared kernel in src/Koers.Web/Kern) uses which, read from the compiled Koers.Web.dll with Mono.Cecil:
/// every type a feature's classes, pages and compiled views name in a signature, a field, an attribute or an instruction
/// of a method body (calls, new objects, fields, casts, generic arguments; lambdas and async state machines are nested
/// types of the class that wrote them). Reading the IL rather than the source sees fully qualified names and views too,
/// and no comment or string counts.
/// </summary>
public sealed class Featuregraaf
{
    private const string Voorvoegsel = "Koers.Web.Features.";

    /// <summary>The shared kernel (src/Koers.Web/Kern) is a node of its own: every feature may use it, it uses none.</summary>
    private const string Kern = "Koers.Web.Kern";

    /// <summary>Feature → the features it uses, with one example use per edge (for a readable failure).</summary>
    public SortedDictionary<string, SortedDictionary<string, string>> Kanten { get; } = new(StringComparer.Ordinal);

    public static Featuregraaf Lees() => Lees(_ => true);

    /// <summary>The graph of only the top-level types <paramref name="welke"/> selects (with their nested types: lambdas, async state machines).</summary>
    public static Featuregraaf Lees(Func<TypeDefinition, bool> welke)
    {
        var graaf = new Featuregraaf();
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(Program).Assembly.Location);
        foreach (var type in Alle(assembly.MainModule.Types.Where(welke))) graaf.LeesType(type);
        return graaf;
    }

    public static string? Feature(TypeReference? type)
    {
        while (type is { DeclaringType: not null }) type = type.DeclaringType;
        var ns = type?.Namespace ?? "";
        if (ns == Kern || ns.StartsWith(Kern + ".", StringComparison.Ordinal)) return "Kern";
        return ns.StartsWith(Voorvoegsel, StringComparison.Ordinal) ? ns[Voorvoegsel.Length..].Split('.')[0] : null;
    }

    public IReadOnlySet<string> Gebruikt(string feature) =>
        Kanten.TryGetValue(feature, out var k) ? k.Keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The edges that lie on a cycle: both ends in the same strongly connected component (Tarjan).</summary>
    public SortedSet<string> KringKanten()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var laag = new Dictionary<string, int>(StringComparer.Ordinal);
        var stapel = new Stack<string>();
        var opStapel = new HashSet<string>(StringComparer.Ordinal);
        var component = new Dictionary<string, int>(StringComparer.Ordinal);
        var teller = 0;
        var componenten = 0;

        void Bezoek(string v)
        {
            index[v] = laag[v] = teller++;
            stapel.Push(v);
            opStapel.Add(v);
            foreach (var w in Gebruikt(v))
            {
                if (!index.TryGetValue(w, out var iw))
                {
                    Bezoek(w);
                    laag[v] = Math.Min(laag[v], laag[w]);
                }
                else if (opStapel.Contains(w))
                {
                    laag[v] = Math.Min(laag[v], iw);
                }
            }

            if (laag[v] != index[v]) return;
            string x;
            do
            {
                x = stapel.Pop();
                opStapel.Remove(x);
                component[x] = componenten;
            }
            while (x != v);
            componenten++;
        }

        foreach (var v in Kanten.Keys.Concat(Kanten.Values.SelectMany(k => k.Keys)).Distinct().Order(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(v)) Bezoek(v);
        }

        return new SortedSet<string>(
            Kanten.SelectMany(k => k.Value.Keys.Where(w => component[w] == component[k.Key]).Select(w => $"{k.Key} -> {w}")),
            StringComparer.Ordinal);
    }

    public string Voorbeeld(string van, string naar) => Kanten[van][naar];

    private static IEnumerable<TypeDefinition> Alle(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => new[] { t }.Concat(Alle(t.NestedTypes)));

    private void LeesType(TypeDefinition t)
    {
        Voeg(t, t.BaseType);
        foreach (var i in t.Interfaces) Voeg(t, i.InterfaceType);
        foreach (var a in t.CustomAttributes) Voeg(t, a.AttributeType);
        foreach (var f in t.Fields) Voeg(t, f.FieldType);
        foreach (var p in t.Properties) Voeg(t, p.PropertyType);
        foreach (var m in t.Methods)
        {
            Voeg(t, m.ReturnType);
            foreach (var p in m.Parameters) Voeg(t, p.ParameterType);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Voeg(t, v.VariableType);
            foreach (var instructie in m.Body.Instructions) VoegOperand(t, instructie);
        }
    }

    private void VoegOperand(TypeDefinition t, Instruction instructie)
    {
        switch (instructie.Operand)
        {
            case TypeReference type:
                Voeg(t, type);
                break;
            case MethodReference methode:
                Voeg(t, methode.DeclaringType);
                Voeg(t, methode.ReturnType);
                foreach (var p in methode.Parameters) Voeg(t, p.ParameterType);
                if (methode is GenericInstanceMethod g)
                {
                    foreach (var a in g.GenericArguments) Voeg(t, a);
                }

                break;
            case FieldReference veld:
                Voeg(t, veld.DeclaringType);
                Voeg(t, veld.FieldType);
                break;
        }
    }

    private void Voeg(TypeDefinition van, TypeReference? naar)
    {
        if (naar is null) return;
        if (naar is GenericInstanceType g)
        {
            foreach (var a in g.GenericArguments) Voeg(van, a);
        }

        if (naar is TypeSpecification s)
        {
            Voeg(van, s.ElementType);
            return;
        }

        var a1 = Feature(van);
        var b = Feature(naar);
        if (a1 is null || b is null || a1 == b) return;
        if (!Kanten.TryGetValue(a1, out var kanten)) Kanten[a1] = kanten = new SortedDictionary<string, string>(StringComparer.Ordinal);
        kanten.TryAdd(b, $"{van.FullName} gebruikt {naar.FullName}");
    }
}
