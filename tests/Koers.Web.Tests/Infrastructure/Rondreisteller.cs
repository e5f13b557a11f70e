using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// Counts what Npgsql sends to PostgreSQL for requests that carry this counter's header: one activity per command or
/// batch Npgsql executes, which is one round trip, whether it came through EF or straight from Npgsql (a batch the
/// <see cref="Statementteller"/>, which listens to EF, never sees). Npgsql's ActivitySource is process-wide; like the
/// statement counter this one keeps only the executions of its own requests.
/// </summary>
public sealed class Rondreisteller : IDisposable
{
    private static readonly HttpContextAccessor Http = new();
    private readonly ActivityListener _luisteraar;
    private readonly List<Activity> _rondreizen = [];

    public Rondreisteller()
    {
        _luisteraar = new ActivityListener
        {
            ShouldListenTo = bron => bron.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activiteit =>
            {
                if (Http.HttpContext?.Request.Headers[Statementteller.Header].ToString() != Sleutel) return;
                lock (_rondreizen) _rondreizen.Add(activiteit);
            },
        };
        ActivitySource.AddActivityListener(_luisteraar);
    }

    public string Sleutel { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// The SQL of each round trip (a batch's statements together), in order; read once the request is answered (Npgsql
    /// tags its activity as it executes, not when it starts it).
    /// </summary>
    public IReadOnlyList<string> Rondreizen
    {
        get
        {
            lock (_rondreizen)
            {
                return [.. _rondreizen.Select(a => string.Join(" | ", a.TagObjects.Select(t => $"{t.Key}={t.Value}")))];
            }
        }
    }

    public HttpRequestMessage Verzoek(string pad)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
        verzoek.Headers.Add(Statementteller.Header, Sleutel);
        return verzoek;
    }

    public void Wis()
    {
        lock (_rondreizen) _rondreizen.Clear();
    }

    public void Dispose() => _luisteraar.Dispose();
}
