using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Koers.Web.Tests.Duo;

/// <summary>
/// DUO's published OpenAPI files (converted to JSON in src/Koers.Web/Features/Duo/Spec) and a small validator for
/// the schema keywords they use: $ref, type, required, properties, items, enum, pattern, min/maxLength,
/// minimum/maximum, maxItems and the formats date, date-time and uuid.
/// </summary>
public static class Spec
{
    public static string Map
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Koers.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden"), "src", "Koers.Web", "Features", "Duo", "Spec");
        }
    }

    public static JsonElement Laad(string naam) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Map, naam + ".openapi.json"))).RootElement;

    public static JsonElement Schema(JsonElement doc, string naam) => doc.GetProperty("components").GetProperty("schemas").GetProperty(naam);

    /// <summary>The JSON schema of a path's response (or request body with status "request").</summary>
    public static JsonElement Antwoord(JsonElement doc, string pad, string methode, string status)
    {
        var op = doc.GetProperty("paths").GetProperty(pad).GetProperty(methode);
        var content = status == "request" ? op.GetProperty("requestBody").GetProperty("content") : op.GetProperty("responses").GetProperty(status).GetProperty("content");
        return content.GetProperty("application/json").GetProperty("schema");
    }

    public static IReadOnlyList<string> Enum(JsonElement doc, string schema) =>
        Schema(doc, schema).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

    public static List<string> Valideer(JsonElement waarde, JsonElement schema, JsonElement doc, string pad = "$")
    {
        var fouten = new List<string>();
        Check(waarde, schema, doc, pad, fouten);
        return fouten;
    }

    private static JsonElement Los(JsonElement schema, JsonElement doc)
    {
        while (schema.TryGetProperty("$ref", out var r))
        {
            var naam = r.GetString()!.Split('/')[^1];
            schema = Schema(doc, naam);
        }

        return schema;
    }

    private static void Check(JsonElement w, JsonElement schema, JsonElement doc, string pad, List<string> fouten)
    {
        schema = Los(schema, doc);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "object":
                if (w.ValueKind != JsonValueKind.Object) { fouten.Add($"{pad}: geen object"); return; }
                if (schema.TryGetProperty("required", out var req))
                {
                    foreach (var r in req.EnumerateArray())
                    {
                        if (!w.TryGetProperty(r.GetString()!, out _)) fouten.Add($"{pad}.{r.GetString()}: verplicht veld ontbreekt");
                    }
                }

                var props = schema.TryGetProperty("properties", out var p) ? p : default;
                foreach (var veld in w.EnumerateObject())
                {
                    if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty(veld.Name, out var sub)) { fouten.Add($"{pad}.{veld.Name}: staat niet in het schema"); continue; }
                    if (veld.Value.ValueKind != JsonValueKind.Null) Check(veld.Value, sub, doc, $"{pad}.{veld.Name}", fouten);
                }

                return;
            case "array":
                if (w.ValueKind != JsonValueKind.Array) { fouten.Add($"{pad}: geen array"); return; }
                if (schema.TryGetProperty("maxItems", out var mi) && w.GetArrayLength() > mi.GetInt32()) fouten.Add($"{pad}: meer dan {mi} elementen");
                var i = 0;
                foreach (var el in w.EnumerateArray()) Check(el, schema.GetProperty("items"), doc, $"{pad}[{i++}]", fouten);
                return;
            case "boolean":
                if (w.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) fouten.Add($"{pad}: geen boolean");
                return;
            case "integer":
                if (w.ValueKind != JsonValueKind.Number || !w.TryGetInt64(out var n)) { fouten.Add($"{pad}: geen geheel getal"); return; }
                if (schema.TryGetProperty("minimum", out var min) && n < min.GetInt64()) fouten.Add($"{pad}: kleiner dan {min}");
                if (schema.TryGetProperty("maximum", out var max) && n > max.GetInt64()) fouten.Add($"{pad}: groter dan {max}");
                return;
            case "string":
                if (w.ValueKind != JsonValueKind.String) { fouten.Add($"{pad}: geen tekst"); return; }
                var s = w.GetString()!;
                if (schema.TryGetProperty("enum", out var en) && !en.EnumerateArray().Any(x => x.GetString() == s)) fouten.Add($"{pad}: '{s}' staat niet in de enum");
                if (schema.TryGetProperty("pattern", out var pat) && !Regex.IsMatch(s, pat.GetString()!)) fouten.Add($"{pad}: '{s}' voldoet niet aan {pat}");
                if (schema.TryGetProperty("maxLength", out var ml) && s.Length > ml.GetInt32()) fouten.Add($"{pad}: langer dan {ml}");
                if (schema.TryGetProperty("minLength", out var mn) && s.Length < mn.GetInt32()) fouten.Add($"{pad}: korter dan {mn}");
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                if (format == "date" && !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) fouten.Add($"{pad}: '{s}' is geen datum");
                if (format == "date-time" && (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || !s.Contains('T'))) fouten.Add($"{pad}: '{s}' is geen datum-tijd");
                if (format == "uuid" && !Guid.TryParse(s, out _)) fouten.Add($"{pad}: '{s}' is geen uuid");
                return;
            default:
                return;
        }
    }
}
