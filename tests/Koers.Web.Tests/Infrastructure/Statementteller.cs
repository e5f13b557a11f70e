using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koers.Web.Tests.Infrastructure;

/// <summary>
/// Counts EF Core commands (issue #21: the statement bounds of the case page, the worklist and the DUO inbox's claims).
/// It listens to EF's <see cref="DiagnosticListener"/>, which is process-wide: test classes run in parallel and share it,
/// so a counter only keeps the commands its filter recognises as its own. <see cref="VanVerzoeken"/> keeps those run
/// while handling a request that carries its header (the request's HttpContext flows into the command's execution;
/// background work has none, other tests' requests carry another key).
/// </summary>
public sealed class Statementteller : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public const string Header = "X-Koers-Test-Teller";

    private static readonly HttpContextAccessor Http = new();
    private readonly Func<CommandEventData, bool> _telt;
    private readonly List<IDisposable> _abonnementen = [];
    private readonly List<string> _statements = [];

    public Statementteller(Func<CommandEventData, bool> telt)
    {
        _telt = telt;
        _abonnementen.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>The key this counter's requests carry in <see cref="Header"/>.</summary>
    public string Sleutel { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Commands of requests carrying this counter's header. The tests' sign-in (TestAuthenticatie) reads the user and roles
    /// from Identity on every request; a signed-in user in production carries them in the cookie or token, so those
    /// reads are not the request's and are left out.
    /// </summary>
    public static Statementteller VanVerzoeken()
    {
        Statementteller? teller = null;
        teller = new Statementteller(data =>
            Http.HttpContext?.Request.Headers[Header].ToString() == teller!.Sleutel &&
            !data.Command.CommandText.Contains("\"AspNet", StringComparison.Ordinal));
        return teller;
    }

    public IReadOnlyList<string> Statements { get { lock (_statements) return [.. _statements]; } }

    public int Aantal { get { lock (_statements) return _statements.Count; } }

    /// <summary>A GET that this counter counts.</summary>
    public HttpRequestMessage Verzoek(string pad)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
        verzoek.Headers.Add(Header, Sleutel);
        return verzoek;
    }

    public void Wis()
    {
        lock (_statements) _statements.Clear();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) lock (_abonnementen) _abonnementen.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data || !_telt(data)) return;
        lock (_statements) _statements.Add(data.Command.CommandText);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_abonnementen) foreach (var a in _abonnementen) a.Dispose();
    }
}
