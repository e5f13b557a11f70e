using Koers.Data.Model.Netwerk;

namespace Koers.Web.Features.Netwerk;

/// <summary>What the case page shows of the network.</summary>
public sealed record NetwerkDeel(Guid DossierId, IReadOnlyList<Kaartkoppeling> Koppelingen, IReadOnlyList<BesprekingVanDossier> Besprekingen);

/// <summary>
/// The case page's network section: the sociale kaart entries linked to the person (with buttons to mark them started or
/// stopped) and the open actions from casusoverleg; linking and the full history are on the Netwerk tab.
/// </summary>
public sealed class NetwerkOnderdeel(SocialeKaartService kaart, CasusoverlegService overleggen) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaMijlpalen;

    public int Volgorde => DossieronderdeelVolgorde.Netwerk;

    public IReadOnlyCollection<string> Handlers { get; } = ["KaartStatus"];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct)
    {
        var koppelingen = await kaart.KoppelingenAsync(dossierId, ct);
        var besprekingen = await overleggen.VanDossierAsync(dossierId, ct);
        if (koppelingen is null || besprekingen is null) return null;
        return new Dossierdeel("/Features/Netwerk/_DossierNetwerk.cshtml", new NetwerkDeel(dossierId, koppelingen, besprekingen));
    }

    /// <summary>A linked entry started or stopped; a refused step (going back) leaves it as it was.</summary>
    public async Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct)
    {
        if (!Guid.TryParse(formulier["koppeling"], out var koppeling) || !Enum.TryParse<Koppelstatus>(formulier["status"], out var status)) return null;
        var u = await kaart.StatusAsync(dossierId, koppeling, status, ct);
        return u.NietGevonden ? null : "#netwerk";
    }
}
