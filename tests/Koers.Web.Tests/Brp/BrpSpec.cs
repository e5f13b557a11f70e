using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Koers.Web.Tests.Brp;

/// <summary>
/// The published BRP Personen spec (src/Koers.Web/Features/Brp/Spec/personen.openapi.json) and a validator for the
/// keywords it uses. Like the DUO one (Duo/Schema.cs), plus what the BRP spec needs: allOf (merged), discriminator
/// (the object's "type" picks the schema), minItems and integer bounds.
/// </summary>
public static class BrpSpec
{
    public static string Map
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Koers.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden"), "src", "Koers.Web", "Features", "Brp", "Spec");
        }
    }

    public static readonly JsonElement Doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Map, "personen.openapi.json"))).RootElement;

    public static JsonElement Schema(string naam) => Doc.GetProperty("components").GetProperty("schemas").GetProperty(naam);

    private static JsonElement Operatie => Doc.GetProperty("paths").GetProperty("/personen").GetProperty("post");

    public static JsonElement Vraag => Operatie.GetProperty("requestBody").GetProperty("content").GetProperty("application/json; charset=utf-8").GetProperty("schema");

    public static JsonElement Antwoord => Operatie.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json; charset=utf-8").GetProperty("schema");

    public static List<string> Valideer(JsonElement waarde, JsonElement schema)
    {
        var fouten = new List<string>();
        Check(waarde, schema, "$", fouten, true);
        return fouten;
    }

    private static JsonElement Los(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var r)) schema = Schema(r.GetString()!.Split('/')[^1]);
        return schema;
    }

    /// <summary>The schema with its allOf parts merged: properties, required fields and the type.</summary>
    private static void Verzamel(JsonElement s, Dictionary<string, JsonElement> props, HashSet<string> verplicht, List<JsonElement> delen)
    {
        s = Los(s);
        delen.Add(s);
        if (s.TryGetProperty("properties", out var p)) foreach (var veld in p.EnumerateObject()) props.TryAdd(veld.Name, veld.Value);
        if (s.TryGetProperty("required", out var r)) foreach (var x in r.EnumerateArray()) verplicht.Add(x.GetString()!);
        if (s.TryGetProperty("allOf", out var all)) foreach (var deel in all.EnumerateArray()) Verzamel(deel, props, verplicht, delen);
    }

    private static void Check(JsonElement w, JsonElement schema, string pad, List<string> fouten, bool volgDiscriminator)
    {
        var s = Los(schema);
        if (volgDiscriminator && s.TryGetProperty("discriminator", out var disc) && w.ValueKind == JsonValueKind.Object)
        {
            var veld = disc.GetProperty("propertyName").GetString()!;
            if (!w.TryGetProperty(veld, out var waarde)) { fouten.Add($"{pad}.{veld}: verplicht veld ontbreekt (discriminator)"); return; }
            if (!disc.GetProperty("mapping").TryGetProperty(waarde.GetString() ?? "", out var doel)) { fouten.Add($"{pad}.{veld}: '{waarde}' staat niet in de mapping"); return; }
            Check(w, JsonDocument.Parse($$"""{"$ref":"{{doel.GetString()}}"}""").RootElement, pad, fouten, false);
            return;
        }

        var props = new Dictionary<string, JsonElement>();
        var verplicht = new HashSet<string>();
        var delen = new List<JsonElement>();
        Verzamel(s, props, verplicht, delen);
        string? Kenmerk(string naam) => delen.Select(d => d.TryGetProperty(naam, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault(v => v is not null);
        JsonElement? Getal(string naam) => delen.Select(d => d.TryGetProperty(naam, out var v) ? v : (JsonElement?)null).FirstOrDefault(v => v is not null);
        var type = Kenmerk("type") ?? (props.Count > 0 ? "object" : null);
        switch (type)
        {
            case "object":
                if (w.ValueKind != JsonValueKind.Object) { fouten.Add($"{pad}: geen object"); return; }
                foreach (var r in verplicht) if (!w.TryGetProperty(r, out _)) fouten.Add($"{pad}.{r}: verplicht veld ontbreekt");
                foreach (var veld in w.EnumerateObject())
                {
                    if (!props.TryGetValue(veld.Name, out var sub)) { fouten.Add($"{pad}.{veld.Name}: staat niet in het schema"); continue; }
                    Check(veld.Value, sub, $"{pad}.{veld.Name}", fouten, true);
                }

                return;
            case "array":
                if (w.ValueKind != JsonValueKind.Array) { fouten.Add($"{pad}: geen array"); return; }
                if (Getal("maxItems") is { } mi && w.GetArrayLength() > mi.GetInt32()) fouten.Add($"{pad}: meer dan {mi} elementen");
                if (Getal("minItems") is { } mn && w.GetArrayLength() < mn.GetInt32()) fouten.Add($"{pad}: minder dan {mn} elementen");
                var items = delen.First(d => d.TryGetProperty("items", out _)).GetProperty("items");
                var i = 0;
                foreach (var el in w.EnumerateArray()) Check(el, items, $"{pad}[{i++}]", fouten, true);
                return;
            case "boolean":
                if (w.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) fouten.Add($"{pad}: geen boolean");
                return;
            case "integer":
                if (w.ValueKind != JsonValueKind.Number || !w.TryGetInt64(out var n)) { fouten.Add($"{pad}: geen geheel getal"); return; }
                if (Getal("minimum") is { } min && n < min.GetInt64()) fouten.Add($"{pad}: kleiner dan {min}");
                if (Getal("maximum") is { } max && n > max.GetInt64()) fouten.Add($"{pad}: groter dan {max}");
                return;
            case "string":
                if (w.ValueKind != JsonValueKind.String) { fouten.Add($"{pad}: geen tekst"); return; }
                var t = w.GetString()!;
                if (Getal("enum") is { } en && !en.EnumerateArray().Any(x => x.GetString() == t)) fouten.Add($"{pad}: '{t}' staat niet in de enum");
                if (Kenmerk("pattern") is { } pat && !Regex.IsMatch(t, pat)) fouten.Add($"{pad}: '{t}' voldoet niet aan {pat}");
                if (Getal("maxLength") is { } ml && t.Length > ml.GetInt32()) fouten.Add($"{pad}: langer dan {ml}");
                if (Kenmerk("format") == "date" && !DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) fouten.Add($"{pad}: '{t}' is geen datum");
                return;
            default:
                return;
        }
    }
}
