namespace Koers.Web.Infrastructure;

/// <summary>Reads enum query parameters the way the API writes them (camelCase), in any case.</summary>
public static class Keuze
{
    /// <param name="naam">
    /// The Dutch name of a value, for the message: a screen's user picked from a list of names and never saw the codes
    /// (issue #22: "Kies uit: b1Route, onderwijsroute, zRoute"). Without it the message lists the codes.
    /// </param>
    /// <param name="metCodes">With <paramref name="naam"/>: the code after each name, for an API client who must send the code.</param>
    public static bool TryLees<TEnum>(string? waarde, string veld, Dictionary<string, string[]> fouten, out TEnum? resultaat, Func<TEnum, string>? naam = null, bool metCodes = false)
        where TEnum : struct, Enum
    {
        resultaat = null;
        if (string.IsNullOrWhiteSpace(waarde)) return true;
        if (Enum.TryParse<TEnum>(waarde.Trim(), ignoreCase: true, out var gelezen) && Enum.IsDefined(gelezen) && !int.TryParse(waarde, out _))
        {
            resultaat = gelezen;
            return true;
        }

        static string Code(TEnum e) => e.ToString() is var n ? char.ToLowerInvariant(n[0]) + n[1..] : "";
        var opties = naam is null
            ? string.Join(", ", Enum.GetValues<TEnum>().Select(Code))
            : string.Join(", ", Enum.GetValues<TEnum>().Select(e => metCodes ? $"{naam(e).InZin()} ({Code(e)})" : naam(e).InZin()));
        fouten[veld] = [$"Onbekende waarde '{waarde}'. Kies uit: {opties}."];
        return false;
    }
}
