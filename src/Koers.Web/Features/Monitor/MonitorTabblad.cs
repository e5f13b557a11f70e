using System.Security.Claims;

namespace Koers.Web.Features.Monitor;

/// <summary>
/// A tab of the monitor that another feature fills (issue #23: provider performance lives in the monitor, not behind a link).
/// The monitor knows only this interface, so the dependency stays one-way: the feature depends on the monitor, never the
/// reverse. The tab gets the monitor's own filter (municipality within the user's reach, period) and renders with the
/// monitor's tables (<see cref="Tabel"/>, <c>_Tabel.cshtml</c>).
/// </summary>
public interface IMonitorTabblad
{
    /// <summary>The value of <c>tab=</c> in the monitor's address, e.g. "aanbieders".</summary>
    string Sleutel { get; }

    string Titel { get; }

    /// <summary>Whether the user sees this tab at all (the monitor's own policy is checked before).</summary>
    bool MagZien(ClaimsPrincipal gebruiker);

    /// <summary>The tab's content for the monitor's filter; <paramref name="leerroute"/>: the tab's own route choice (null: all).</summary>
    Task<MonitorTabbladInhoud> BouwAsync(MonitorFilter filter, string? leerroute, ClaimsPrincipal gebruiker, CancellationToken ct);
}

/// <summary>What a tab shows: an introduction, the route choices it offers, its tables, how each column is computed, and field errors.</summary>
public sealed record MonitorTabbladInhoud(
    string Inleiding,
    IReadOnlyList<Tabel> Tabellen,
    IReadOnlyList<(string Sleutel, string Kop, string Tekst)> HoeBerekend,
    IReadOnlyList<(string? Waarde, string Label)> Routes,
    string? GekozenRoute,
    IReadOnlyDictionary<string, string[]> Fouten);
