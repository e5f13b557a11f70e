namespace Koers.Web.Features.Netwerk;

/// <summary>What the case page shows of group offers: the person's groups with attendance.</summary>
public sealed record GroepenDeel(Guid DossierId, IReadOnlyList<GroepVanDossier> Groepen, IReadOnlyList<WachtendOp> Wachtlijsten);

/// <summary>The case page's groups section: each group the person is or was in, the sessions recorded and the attendance rate.</summary>
public sealed class GroepenOnderdeel(GroepenService groepen) : IDossieronderdeel
{
    public Dossierplek Plek => Dossierplek.NaMijlpalen;

    public int Volgorde => DossieronderdeelVolgorde.Groepen;

    public IReadOnlyCollection<string> Handlers { get; } = [];

    public async Task<Dossierdeel?> LaadAsync(Guid dossierId, string? handler, CancellationToken ct)
    {
        var lijst = await groepen.VanDossierAsync(dossierId, ct);
        return lijst is null ? null : new Dossierdeel("/Features/Netwerk/_DossierGroepen.cshtml",
            new GroepenDeel(dossierId, lijst, await groepen.WachtlijstenVanAsync(dossierId, ct)));
    }

    public Task<string?> HandelAfAsync(string handler, Guid dossierId, IFormCollection formulier, CancellationToken ct) => Task.FromResult<string?>(null);
}
