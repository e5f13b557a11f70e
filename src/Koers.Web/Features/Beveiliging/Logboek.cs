using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Options;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// Keeps BSNs and V-nummers out of the log, whatever log level an operator turns on. Two leaks are closed here:
/// <list type="number">
/// <item>Outgoing HTTP. .NET's HttpClient factory logs every request URI ("Start processing HTTP request GET
/// https://…/personen/123456782/inburgeringsplicht"), and DUO's M2M API carries the BSN in the path. Every client made
/// by the factory (DUO, the simulator's notifications, and any added later) loses those default loggers and gets
/// <see cref="UitgaandVerzoekLogger"/>, which writes the path as a template (<c>/personen/{bsn}/…</c>).</item>
/// <item>ASP.NET Core's own request logging. Hosting logs "Request starting GET http://…/path?query" and keeps the
/// path in its log scope; routing logs it at Debug. Koers's own URLs carry no BSN (ids are GUIDs, searching is a POST),
/// but a client can put anything in a URL, and the in-process DUO simulator (development, demo, tests) is called on
/// DUO's paths. <see cref="UrlMaskerendeLoggerFactory"/> masks every 9- or 10-digit number in what the
/// Microsoft.AspNetCore.* categories log: message, structured values, scopes and exception text.</item>
/// </list>
/// Koers's own log calls name ids and event codes only; the DUO inbox keeps the fouttekst in the database, not the log.
/// </summary>
public static class Logboek
{
    public static IServiceCollection AddKoersLogboek(this IServiceCollection services)
    {
        services.ConfigureHttpClientDefaults(b => b
            .RemoveAllLoggers()
            .AddLogger(sp => new UitgaandVerzoekLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger(UitgaandVerzoekLogger.Categorie)), wrapHandlersPipeline: true));

        // Wraps the factory the host registered, so every provider (console, a test's collector) gets masked lines.
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new UrlMaskerendeLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return services;
    }
}

/// <summary>
/// One log line per outgoing request: method, host, path template, status and duration. Never the query string,
/// headers or body, and no path segment that holds a number: a BSN becomes <c>{bsn}</c>, a V-nummer
/// <c>{vnummer}</c>, a GUID <c>{id}</c>.
/// </summary>
public sealed partial class UitgaandVerzoekLogger(ILogger log) : IHttpClientLogger
{
    public const string Categorie = "Koers.Uitgaand";

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        log.LogInformation("{Methode} {Adres} antwoordde {Status} na {Duur} ms",
            request.Method.Method, Sjabloon(request.RequestUri), (int)response.StatusCode, Math.Round(elapsed.TotalMilliseconds, 1));

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        // The exception's type only: its message may quote the URI.
        log.LogWarning("{Methode} {Adres} mislukt na {Duur} ms: {Fout}",
            request.Method.Method, Sjabloon(request.RequestUri), Math.Round(elapsed.TotalMilliseconds, 1), exception.GetType().Name);

    /// <summary>scheme://host:port plus the path with every value-like segment replaced by a placeholder; no query.</summary>
    public static string Sjabloon(Uri? uri)
    {
        if (uri is null) return "(geen adres)";
        if (!uri.IsAbsoluteUri) return "(relatief adres)";
        var segmenten = uri.AbsolutePath.Split('/').Select(Segment);
        return $"{uri.Scheme}://{uri.Authority}{string.Join('/', segmenten)}{(string.IsNullOrEmpty(uri.Query) ? "" : "?…")}";
    }

    private static string Segment(string ruw)
    {
        var s = Uri.UnescapeDataString(ruw);
        if (s.Length == 0) return s;
        if (s.All(char.IsAsciiDigit)) return s.Length switch { 9 => "{bsn}", 10 => "{vnummer}", _ => "{nummer}" };
        if (Guid.TryParse(s, out _)) return "{id}";
        return VeelCijfers().IsMatch(s) ? "{waarde}" : ruw;
    }

    [GeneratedRegex("[0-9]{5}")]
    private static partial Regex VeelCijfers();
}

/// <summary>
/// Masks 9- and 10-digit numbers (BSN, V-nummer) in everything the Microsoft.AspNetCore.* loggers write. Other
/// categories pass unchanged: Koers's own messages and the HTTP client lines hold no such values by construction,
/// and the log test proves that without this mask hiding a mistake there.
/// </summary>
public sealed class UrlMaskerendeLoggerFactory(ILoggerFactory binnen) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = binnen.CreateLogger(categoryName);
        return categoryName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ? new Maskerend(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => binnen.AddProvider(provider);

    public void Dispose() => binnen.Dispose();

    private sealed class Maskerend(ILogger binnen) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => binnen.BeginScope(Nummers.MaskeerStaat(state));

        public bool IsEnabled(LogLevel logLevel) => binnen.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!binnen.IsEnabled(logLevel)) return;
            var bericht = Nummers.Maskeer(formatter(state, exception));
            var fout = exception is null ? null : Nummers.MaskeerFout(exception);
            binnen.Log(logLevel, eventId, new GemaskeerdeStaat(Nummers.MaskeerWaarden(state), bericht), fout, static (s, _) => s.Bericht);
        }
    }

    private sealed class GemaskeerdeStaat(IReadOnlyList<KeyValuePair<string, object?>> waarden, string bericht) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Bericht => bericht;
        public KeyValuePair<string, object?> this[int index] => waarden[index];
        public int Count => waarden.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => waarden.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => bericht;
    }
}

/// <summary>The masking itself: a run of exactly 9 or 10 digits (not part of a longer number) becomes asterisks.</summary>
public static partial class Nummers
{
    [GeneratedRegex("(?<![0-9])(?:[0-9]{9}|[0-9]{10})(?![0-9])")]
    private static partial Regex BsnOfVNummer();

    public static string Maskeer(string tekst) => BsnOfVNummer().Replace(tekst, "*********");

    public static bool BevatNummer(string tekst) => BsnOfVNummer().IsMatch(tekst);

    internal static IReadOnlyList<KeyValuePair<string, object?>> MaskeerWaarden<TState>(TState state) =>
        state is IEnumerable<KeyValuePair<string, object?>> paren
            ? paren.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == "{OriginalFormat}" ? p.Value : MaskeerWaarde(p.Value))).ToList()
            : [];

    /// <summary>A value keeps its type unless its text holds such a number (a path, a query, a long V-nummer).</summary>
    private static object? MaskeerWaarde(object? waarde)
    {
        var tekst = Convert.ToString(waarde, System.Globalization.CultureInfo.InvariantCulture);
        return tekst is not null && BevatNummer(tekst) ? Maskeer(tekst) : waarde;
    }

    /// <summary>A scope keeps its key/value shape (hosting's RequestPath, RequestId) with masked values.</summary>
    internal static object MaskeerStaat<TState>(TState state) where TState : notnull
    {
        var tekst = state.ToString() ?? "";
        if (state is IEnumerable<KeyValuePair<string, object?>>)
        {
            var waarden = MaskeerWaarden(state);
            return new Scope(waarden, Maskeer(tekst));
        }

        return BevatNummer(tekst) ? Maskeer(tekst) : state;
    }

    /// <summary>An exception whose text holds such a number is logged as a stand-in with the masked text.</summary>
    internal static Exception MaskeerFout(Exception fout)
    {
        var tekst = fout.ToString();
        return BevatNummer(tekst) ? new GemaskeerdeFout(fout.GetType().FullName ?? "Exception", Maskeer(tekst)) : fout;
    }

    private sealed class Scope(IReadOnlyList<KeyValuePair<string, object?>> waarden, string tekst) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => waarden[index];
        public int Count => waarden.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => waarden.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => tekst;
    }
}

/// <summary>Stands in for an exception whose message or stack text contained a BSN-like number.</summary>
public sealed class GemaskeerdeFout(string soort, string tekst) : Exception($"{soort} (gemaskeerd): {tekst}")
{
    public override string ToString() => Message;
}
