using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koers.Web.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonNode> LeesAsync(this HttpResponseMessage response)
    {
        var tekst = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(tekst) ?? throw new InvalidOperationException("Leeg antwoord");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static HttpContent Ruw(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");
}
