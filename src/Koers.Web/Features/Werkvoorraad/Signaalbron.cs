namespace Koers.Web.Features.Werkvoorraad;

/// <summary>
/// A feature that puts a section of signals above the worklist (ontzorgen ending, a partner's report, a DUO action, …).
/// The worklist knows only this interface and shows what the features registered in their modules
/// (<see cref="SignaalbronRegistratie.AddSignaalbron{T}"/>), so a new kind of signal touches only its own feature and
/// the worklist never depends on the features that feed it.
/// </summary>
public interface ISignaalbron
{
    /// <summary>Where the section stands above the worklist, lowest first (see <see cref="SignaalbronVolgorde"/>).</summary>
    int Volgorde { get; }

    /// <summary>The section for the cases in <paramref name="selectie"/>, the same selection as the table below it.</summary>
    Task<Signaalsectie> SectieAsync(Dossierselectie selectie, DateOnly vandaag, CancellationToken ct);
}

/// <summary>
/// The order of the sections in one place, money first (a payment that stops hurts soonest), then the partners'
/// reports, handhaving, the inburgeraar's messages, the chain (DUO, BRP) and the questionnaires due.
/// </summary>
public static class SignaalbronVolgorde
{
    public const int Ontzorgen = 10;
    public const int Krediet = 20;
    public const int Voortgang = 30;
    public const int Casusoverleg = 35;
    public const int Groepen = 37; // h-groepen: group offers (Netwerk)
    public const int Handhaving = 40;
    public const int Berichten = 50;
    public const int Duo = 60;
    public const int Brp = 70;
    public const int Participatie = 80;
    public const int Welzijn = 90;
    public const int Werk = 100;
    public const int Logistiek = 110; // Logistiek (issue #23)

    // Inkoop (issue #23): the region's contracts ending or nearly used up, for the team lead only.
    public const int Contracten = 120;
}

public static class SignaalbronRegistratie
{
    public static IServiceCollection AddSignaalbron<T>(this IServiceCollection services)
        where T : class, ISignaalbron => services.AddScoped<ISignaalbron, T>();
}
