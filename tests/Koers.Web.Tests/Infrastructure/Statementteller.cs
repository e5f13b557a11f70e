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
    private readonly List<Commando> _commandos = [];

    /// <summary>Whether the event at hand belongs to this counter's requests (for events without a command: commits).</summary>
    private Func<bool>? _verzoek;

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
        bool VanDezeTeller() => Http.HttpContext?.Request.Headers[Header].ToString() == teller!.Sleutel;
        teller = new Statementteller(data => VanDezeTeller() && !data.Command.CommandText.Contains("\"AspNet", StringComparison.Ordinal))
        {
            _verzoek = VanDezeTeller,
        };
        return teller;
    }

    public IReadOnlyList<string> Statements { get { lock (_commandos) return [.. _commandos.Select(c => c.Tekst)]; } }

    private int _commits;

    /// <summary>
    /// Transactions EF committed for this counter's requests: each COMMIT is a round trip of its own, not among
    /// <see cref="Statements"/> (Npgsql sends the BEGIN with the first command).
    /// </summary>
    public int Commits => Volatile.Read(ref _commits);

    public int Aantal { get { lock (_commandos) return _commandos.Count; } }

    /// <summary>The counted commands with a copy of their parameters, to run again (EXPLAIN) as the app sent them.</summary>
    public IReadOnlyList<Commando> Commandos { get { lock (_commandos) return [.. _commandos]; } }

    public sealed record Commando(string Tekst, IReadOnlyList<System.Data.Common.DbParameter> Parameters);

    /// <summary>A GET that this counter counts.</summary>
    public HttpRequestMessage Verzoek(string pad)
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
        verzoek.Headers.Add(Header, Sleutel);
        return verzoek;
    }

    public void Wis()
    {
        lock (_commandos) _commandos.Clear();
        Volatile.Write(ref _commits, 0);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) lock (_abonnementen) _abonnementen.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionCommitting.Name && _verzoek?.Invoke() == true)
        {
            Interlocked.Increment(ref _commits);
            return;
        }

        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data || !_telt(data)) return;
        // Copies: the command and its parameters are the app's, reused or disposed after it ran.
        var parameters = data.Command.Parameters.Cast<System.Data.Common.DbParameter>()
            .Select(p => p is ICloneable c ? (System.Data.Common.DbParameter)c.Clone() : p).ToList();
        lock (_commandos) _commandos.Add(new Commando(data.Command.CommandText, parameters));
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
