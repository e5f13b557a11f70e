using System.Text.Json;
using System.Text.Json.Serialization;
using Koers.Domain.Pip;

namespace Koers.Web.Kern;

/// <summary>
/// The format of the case's stored JSON columns: the PIP's content (PIP versions and the provisional plan) and the brede
/// intake's answers per leefgebied. In the kernel because other features read them (DUO's aanbod reads the PIP, the PIP
/// reads the intake); one format, written and read through here.
/// </summary>
public static class OpgeslagenInhoud
{
    /// <summary>Enums as text, so a stored PIP stays readable when an enum gains a member.</summary>
    public static readonly JsonSerializerOptions PipOpties = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly JsonSerializerOptions IntakeOpties = new(JsonSerializerDefaults.Web);

    public static PipInhoud Pip(string json) => JsonSerializer.Deserialize<PipInhoud>(json, PipOpties) ?? new PipInhoud();

    public static Dictionary<string, string?> IntakeAntwoorden(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json, IntakeOpties) ?? [];
}
