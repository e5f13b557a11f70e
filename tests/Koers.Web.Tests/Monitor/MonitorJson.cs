using System.Text.Json.Nodes;

namespace Koers.Web.Tests.Monitor;

/// <summary>Reading one cell of a monitor overview as the API returns it (tables by id, rows and columns by key).</summary>
internal static class MonitorJson
{
    public static JsonNode Tabel(JsonNode overzicht, string id) =>
        overzicht["tabellen"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == id)!;

    /// <summary>The cell; fails the test with the table's name when the row or column is not there.</summary>
    public static JsonNode Cel(JsonNode overzicht, string tabel, string rij, string kolom)
    {
        var t = Tabel(overzicht, tabel);
        var index = t["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList().IndexOf(kolom);
        Assert.True(index >= 0, $"kolom {kolom} ontbreekt in {tabel}");
        var r = t["rijen"]!.AsArray().SingleOrDefault(x => x!["sleutel"]!.GetValue<string>() == rij);
        Assert.True(r is not null, $"rij {rij} ontbreekt in {tabel}");
        return r!["cellen"]![index]!;
    }

    /// <summary>The cell's number; null when it is hidden or empty.</summary>
    public static decimal? Waarde(JsonNode overzicht, string tabel, string rij, string kolom) =>
        Cel(overzicht, tabel, rij, kolom)["waarde"]?.GetValue<decimal>();
}
