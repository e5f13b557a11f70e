namespace Koers.Web.Infrastructure;

/// <summary>Reads enum query parameters the way the API writes them (camelCase), in any case.</summary>
public static class Keuze
{
    public static bool TryLees<TEnum>(string? waarde, string veld, Dictionary<string, string[]> fouten, out TEnum? resultaat)
        where TEnum : struct, Enum
    {
        resultaat = null;
        if (string.IsNullOrWhiteSpace(waarde)) return true;
        if (Enum.TryParse<TEnum>(waarde.Trim(), ignoreCase: true, out var gelezen) && Enum.IsDefined(gelezen) && !int.TryParse(waarde, out _))
        {
            resultaat = gelezen;
            return true;
        }

        var opties = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        fouten[veld] = [$"Onbekende waarde '{waarde}'. Kies uit: {opties}."];
        return false;
    }
}
