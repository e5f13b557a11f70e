using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Koers.Web.Tests.Zgw;

/// <summary>
/// VNG's published Zaken, Documenten and Catalogi OpenAPI files (src/Koers.Web/Features/Zgw/Spec, copied unchanged),
/// read with YamlDotNet into JSON as they stand (Microsoft.OpenApi's reader was tried first: it rewrites 'nullable' and
/// drops it beside allOf, so a faithful copy is read instead), and a validator for the keywords
/// they use: $ref, allOf, oneOf, discriminator, type, nullable, readOnly (skipped in requests), required, properties, items, enum,
/// pattern, min/maxLength, format date, date-time, uri and uuid.
/// </summary>
public static class ZgwSpec
{
    public static string Map
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Koers.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Koers.sln niet gevonden"), "src", "Koers.Web", "Features", "Zgw", "Spec");
        }
    }

    private static readonly Dictionary<string, JsonElement> Geladen = [];

    public static JsonElement Doc(string api)
    {
        lock (Geladen)
        {
            if (Geladen.TryGetValue(api, out var d)) return d;
            var yaml = new YamlStream();
            using (var lezer = new StreamReader(Path.Combine(Map, api + ".openapi.yaml")))
            {
                yaml.Load(lezer);
            }

            d = JsonDocument.Parse(Json(yaml.Documents[0].RootNode)!.ToJsonString()).RootElement.Clone();
            Geladen[api] = d;
            return d;
        }
    }

    /// <summary>YAML 1.2 core schema: plain scalars true/false, null/~, integers and decimals are typed; quoted ones stay text.</summary>
    private static JsonNode? Json(YamlNode knoop) => knoop switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Json(kv.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(Json)]),
        YamlScalarNode { Style: ScalarStyle.Plain } p => p.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            var v when Regex.IsMatch(v, @"^-?\d+\.\d+$") => JsonValue.Create(double.Parse(v, CultureInfo.InvariantCulture)),
            var v => JsonValue.Create(v),
        },
        YamlScalarNode q => JsonValue.Create(q.Value ?? string.Empty),
        _ => throw new InvalidOperationException($"Onbekend YAML-knooppunt {knoop.NodeType}"),
    };

    /// <summary>The spec's path template that a concrete path matches ('/zaken/{uuid}' for '/zaken/3f…').</summary>
    public static string? Sjabloon(JsonElement doc, string pad)
    {
        foreach (var p in doc.GetProperty("paths").EnumerateObject())
        {
            var patroon = "^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(pad, patroon)) return p.Name;
        }

        return null;
    }

    public static JsonElement Operatie(JsonElement doc, string sjabloon, string methode) =>
        doc.GetProperty("paths").GetProperty(sjabloon).GetProperty(methode.ToLowerInvariant());

    public static JsonElement? Vraagschema(JsonElement operatie) =>
        operatie.TryGetProperty("requestBody", out var rb) ? rb.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema") : null;

    public static JsonElement? Antwoordschema(JsonElement operatie, int status) =>
        operatie.GetProperty("responses").TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var r) && r.TryGetProperty("content", out var c)
            ? c.EnumerateObject().First().Value.GetProperty("schema") : null;

    public static List<string> Valideer(JsonElement waarde, JsonElement schema, JsonElement doc, bool vraag)
    {
        var fouten = new List<string>();
        Check(waarde, schema, doc, "$", vraag, fouten, volgDiscriminator: true, deel: false);
        return fouten;
    }

    private static JsonElement Los(JsonElement schema, JsonElement doc)
    {
        while (schema.TryGetProperty("$ref", out var r)) schema = doc.GetProperty("components").GetProperty("schemas").GetProperty(r.GetString()!.Split('/')[^1]);
        return schema;
    }

    private static bool Waar(JsonElement s, string veld) => s.TryGetProperty(veld, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>The properties of a schema and of every allOf part under it: what an object may carry.</summary>
    private static void Eigenschappen(JsonElement s, JsonElement doc, Dictionary<string, JsonElement> props)
    {
        s = Los(s, doc);
        if (s.TryGetProperty("properties", out var p)) foreach (var veld in p.EnumerateObject()) props.TryAdd(veld.Name, veld.Value);
        if (s.TryGetProperty("allOf", out var all)) foreach (var deel in all.EnumerateArray()) Eigenschappen(deel, doc, props);
    }

    /// <param name="volgDiscriminator">The schema's discriminator picks the concrete schema (Rol → natuurlijk_persoon_Rol), once.</param>
    /// <param name="deel">Checked as one allOf part: fields of the other parts are not 'unknown' here.</param>
    private static void Check(JsonElement w, JsonElement schema, JsonElement doc, string pad, bool vraag, List<string> fouten, bool volgDiscriminator = false, bool deel = false)
    {
        var s = Los(schema, doc);
        if (volgDiscriminator && s.TryGetProperty("discriminator", out var disc) && w.ValueKind == JsonValueKind.Object)
        {
            var veld = disc.GetProperty("propertyName").GetString()!;
            if (!w.TryGetProperty(veld, out var waarde) || !disc.GetProperty("mapping").TryGetProperty(waarde.GetString() ?? "", out var doel))
            {
                fouten.Add($"{pad}.{veld}: ontbreekt of staat niet in de mapping van de discriminator");
                return;
            }

            Check(w, Los(JsonDocument.Parse($$"""{"$ref":"{{doel.GetString()}}"}""").RootElement, doc), doc, pad, vraag, fouten);
            return;
        }

        if (w.ValueKind == JsonValueKind.Null)
        {
            if (!Waar(s, "nullable")) fouten.Add($"{pad}: null niet toegestaan");
            return;
        }

        var samengesteld = s.TryGetProperty("allOf", out var all);
        if (samengesteld) foreach (var d in all.EnumerateArray()) Check(w, d, doc, pad, vraag, fouten, deel: true);
        if (samengesteld && !deel && w.ValueKind == JsonValueKind.Object && !s.TryGetProperty("type", out _) && !s.TryGetProperty("properties", out _))
        {
            // A schema made only of allOf parts: a field is unknown when no part has it.
            var samen = new Dictionary<string, JsonElement>();
            Eigenschappen(s, doc, samen);
            foreach (var veld in w.EnumerateObject().Where(v => !samen.ContainsKey(v.Name))) fouten.Add($"{pad}.{veld.Name}: staat niet in het schema");
        }
        if (s.TryGetProperty("oneOf", out var one))
        {
            var passend = one.EnumerateArray().Count(o => { var f = new List<string>(); Check(w, o, doc, pad, vraag, f); return f.Count == 0; });
            if (passend == 0) fouten.Add($"{pad}: past bij geen van de oneOf-schema's");
        }

        if (s.TryGetProperty("enum", out var en) && w.ValueKind == JsonValueKind.String && !en.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == w.GetString()))
        {
            fouten.Add($"{pad}: '{w.GetString()}' staat niet in de enum");
        }

        var type = s.TryGetProperty("type", out var t) ? t.GetString() : s.TryGetProperty("properties", out _) ? "object" : null;
        switch (type)
        {
            case "object":
                if (w.ValueKind != JsonValueKind.Object) { fouten.Add($"{pad}: geen object"); return; }
                var props = s.TryGetProperty("properties", out var p) ? p : default;
                var alle = new Dictionary<string, JsonElement>();
                Eigenschappen(s, doc, alle);
                if (s.TryGetProperty("required", out var req))
                {
                    foreach (var r in req.EnumerateArray())
                    {
                        var naam = r.GetString()!;
                        var alleenLezen = props.ValueKind == JsonValueKind.Object && props.TryGetProperty(naam, out var ps) && (Waar(ps, "readOnly") || Waar(Los(ps, doc), "readOnly"));
                        if (vraag && alleenLezen) continue;
                        if (!w.TryGetProperty(naam, out _)) fouten.Add($"{pad}.{naam}: verplicht veld ontbreekt");
                    }
                }

                foreach (var veld in w.EnumerateObject())
                {
                    if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty(veld.Name, out var sub))
                    {
                        if (!deel && !alle.ContainsKey(veld.Name) && !s.TryGetProperty("additionalProperties", out _)) fouten.Add($"{pad}.{veld.Name}: staat niet in het schema");
                        continue;
                    }

                    if (vraag && Waar(sub, "readOnly")) { fouten.Add($"{pad}.{veld.Name}: alleen-lezen veld in een verzoek"); continue; }
                    Check(veld.Value, sub, doc, $"{pad}.{veld.Name}", vraag, fouten);
                }

                return;
            case "array":
                if (w.ValueKind != JsonValueKind.Array) { fouten.Add($"{pad}: geen array"); return; }
                var i = 0;
                if (s.TryGetProperty("items", out var items)) foreach (var el in w.EnumerateArray()) Check(el, items, doc, $"{pad}[{i++}]", vraag, fouten);
                return;
            case "boolean":
                if (w.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) fouten.Add($"{pad}: geen boolean");
                return;
            case "integer":
                if (w.ValueKind != JsonValueKind.Number || !w.TryGetInt64(out _)) fouten.Add($"{pad}: geen geheel getal");
                return;
            case "string":
                if (w.ValueKind != JsonValueKind.String) { fouten.Add($"{pad}: geen tekst"); return; }
                var tekst = w.GetString()!;
                if (s.TryGetProperty("pattern", out var pat) && !Regex.IsMatch(tekst, pat.GetString()!)) fouten.Add($"{pad}: '{tekst}' voldoet niet aan {pat}");
                if (s.TryGetProperty("maxLength", out var ml) && tekst.Length > ml.GetInt32()) fouten.Add($"{pad}: langer dan {ml}");
                if (s.TryGetProperty("minLength", out var mn) && tekst.Length < mn.GetInt32()) fouten.Add($"{pad}: korter dan {mn}");
                var format = s.TryGetProperty("format", out var f) ? f.GetString() : null;
                if (format == "date" && !DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) fouten.Add($"{pad}: '{tekst}' is geen datum");
                if (format == "date-time" && (!DateTimeOffset.TryParse(tekst, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || !tekst.Contains('T'))) fouten.Add($"{pad}: '{tekst}' is geen datum-tijd");
                if (format == "uri" && !Uri.TryCreate(tekst, UriKind.Absolute, out _)) fouten.Add($"{pad}: '{tekst}' is geen uri");
                if (format == "uuid" && !Guid.TryParse(tekst, out _)) fouten.Add($"{pad}: '{tekst}' is geen uuid");
                if (format == "byte")
                {
                    try { Convert.FromBase64String(tekst); }
                    catch (FormatException) { fouten.Add($"{pad}: geen base64"); }
                }

                return;
            default:
                return;
        }
    }
}
