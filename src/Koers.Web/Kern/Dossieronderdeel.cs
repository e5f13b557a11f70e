namespace Koers.Web.Kern;

/// <summary>Where a part stands on the case page (/inburgeraars/{id}).</summary>
public enum Dossierplek
{
    /// <summary>In the page's heading, under the name (a one-line summary).</summary>
    Kop,

    /// <summary>After the klantreis, before the legal deadlines: the exchange with the chain (DUO, BRP, zaaksysteem).</summary>
    NaKlantreis,

    /// <summary>After the milestones form, before the personal data: what the inburgeraar sent.</summary>
    NaMijlpalen,
}

/// <summary>What a part shows: a partial view of the feature that owns the part, with its model.</summary>
public sealed record Dossierdeel(string Weergave, object Model);

/// <summary>
/// A feature that shows something on the case page (a DUO exchange, BRP signals, the inburgeraar's messages, the
/// participatieladder) and handles the buttons in it. The case page knows only this interface and shows what the features
/// registered in their modules (<see cref="DossieronderdeelRegistratie.AddDossieronderdeel{T}"/>). It lives in the
/// kernel, not in the Dossier feature: the case page does not depend on the features that feed it, and those features
/// do not depend on the case page, so neither side can close a cycle (the registration of a case in Nieuw asks the BRP,
/// which also puts a part on the case page).
/// </summary>
public interface IDossieronderdeel
{
    Dossierplek Plek { get; }

    /// <summary>The order within <see cref="Plek"/>, lowest first (see <see cref="DossieronderdeelVolgorde"/>).</summary>
    int Volgorde { get; }

    /// <summary>
    /// The part for a case the page has already opened (access checked and the read audited); null shows nothing.
    /// <paramref name="handler"/> is the page handler asked for (<c>?handler=…</c>), null for the plain page.
    /// </summary>
    Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct);

    /// <summary>The page handlers (<c>?handler=…</c>) this part's forms post to the case page.</summary>
    IReadOnlyCollection<string> Handlers { get; }

    /// <summary>
    /// Handles a post to one of <see cref="Handlers"/> for this case, checking access itself. The anchor on the case page to
    /// return to (<c>#duo</c>) when done; null when the case or the item is unknown or out of reach (a 404, never a 403).
    /// </summary>
    Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct);
}

/// <summary>The order of the parts within each place, in one place.</summary>
public static class DossieronderdeelVolgorde
{
    public const int Participatieladder = 10;
    public const int Welzijn = 20;
    public const int Plaatsingen = 30;
    public const int Logistiek = 40; // Logistiek (issue #23), in the heading
    public const int DuoUitwisseling = 10;
    public const int DuoGegevens = 20;
    public const int Brp = 30;
    public const int Zaaksysteem = 40;
    public const int Berichten = 10;
    public const int Netwerk = 20;
    public const int Groepen = 25; // h-groepen: group offers (Netwerk), NaMijlpalen after the network part
}

public static class DossieronderdeelRegistratie
{
    public static IServiceCollection AddDossieronderdeel<T>(this IServiceCollection services)
        where T : class, IDossieronderdeel
    {
        // Also as itself: each reader of the case page (Dossierdelen) needs one part in its own scope, not all of them
        // with their services. Within a scope both registrations give the same instance.
        services.AddScoped<T>();
        return services.AddScoped<IDossieronderdeel>(sp => sp.GetRequiredService<T>());
    }
}
