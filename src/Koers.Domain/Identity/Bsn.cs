namespace Koers.Domain.Identity;

/// <summary>
/// A burgerservicenummer: nine digits passing the elfproef
/// (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and not 0).
/// Never put a BSN in a URL or a log line; use the case id.
/// </summary>
public readonly record struct Bsn
{
    /// <summary>
    /// The full nine digits: only where the number must be shown to someone allowed to see it or sent to a chain
    /// partner (DUO, BRP, ZGW), and to the encryption. Everywhere else the masked <see cref="ToString"/> is enough.
    /// </summary>
    public string Value { get; }

    private Bsn(string value) => Value = value;

    public static bool TryParse(string? input, out Bsn bsn, out string? error)
    {
        bsn = default;
        var digits = (input ?? string.Empty).Trim().Replace(".", string.Empty).Replace(" ", string.Empty);
        if (digits.Length == 8 && digits.All(char.IsAsciiDigit))
        {
            // Old BSNs were issued with 8 digits; they are padded with a leading zero.
            digits = "0" + digits;
        }

        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            error = "Een BSN bestaat uit 9 cijfers.";
            return false;
        }

        if (!PassesElfproef(digits))
        {
            error = "Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers.";
            return false;
        }

        bsn = new Bsn(digits);
        error = null;
        return true;
    }

    /// <summary>
    /// <see cref="TryParse"/> for a number that was checked before (a stored value, a test fixture): throws with the
    /// validation message, never with the input, when it is not a BSN.
    /// </summary>
    public static Bsn Parse(string? input) =>
        TryParse(input, out var bsn, out var error) ? bsn : throw new FormatException(error);

    /// <summary>
    /// A number read back from storage: nine digits, without checking the elfproef again. Every path that writes a BSN
    /// parses it with the elfproef, but rows loaded in bulk from an earlier system may hold a number that fails it; such a
    /// case must still open (to be corrected) instead of failing every page that reads it. Anything but nine digits is
    /// not a stored BSN (a wrong key or damaged data) and throws, without the input.
    /// </summary>
    public static Bsn UitOpslag(string? opgeslagen) =>
        opgeslagen is { Length: 9 } d && d.All(char.IsAsciiDigit) ? new Bsn(d) : throw new FormatException("Het opgeslagen BSN bestaat niet uit 9 cijfers.");

    /// <summary>False only for a number read from storage that never passed <see cref="TryParse"/> (see <see cref="UitOpslag"/>).</summary>
    public bool VoldoetAanElfproef => Value is not null && PassesElfproef(Value);

    /// <summary>Where the elfproef comes from: a technical specification, under Wabb art. 12 (not a statutory rule itself).</summary>
    public static Sources.Citation ElfproefBron => Sources.Bron.Bsn11Proef;

    public static bool PassesElfproef(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (nineDigits[i] - '0');
        }

        sum -= nineDigits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }

    /// <summary>Shows only the last three digits, for screens where the full number is not needed.</summary>
    public string Masked => Value is null ? string.Empty : "******" + Value[^3..];

    /// <summary>
    /// Masked, like <see cref="Masked"/>: a BSN that reaches a log line, an exception message or an interpolated string
    /// by accident shows three digits, not the number. Code that needs the number asks for <see cref="Value"/>.
    /// </summary>
    public override string ToString() => Masked;
}

/// <summary>
/// The IND's vreemdelingennummer: ten digits. A value type like <see cref="Bsn"/>, masked in <see cref="ToString"/>
/// for the same reason; <see cref="TryNormalize"/> stays for callers that keep the number as text.
/// </summary>
public readonly record struct VNummer
{
    /// <summary>The full ten digits, like <see cref="Bsn.Value"/>: only where the number must be shown or sent.</summary>
    public string Value { get; }

    private VNummer(string value) => Value = value;

    public static bool TryParse(string? input, out VNummer vnummer, out string? error)
    {
        var ok = TryNormalize(input, out var cijfers, out error);
        vnummer = ok ? new VNummer(cijfers) : default;
        return ok;
    }

    /// <summary><see cref="TryParse"/> for a number that was checked before; throws with the validation message, never with the input.</summary>
    public static VNummer Parse(string? input) =>
        TryParse(input, out var vnummer, out var error) ? vnummer : throw new FormatException(error);

    /// <summary>Shows only the last three digits.</summary>
    public string Masked => Value is null ? string.Empty : "*******" + Value[^3..];

    public override string ToString() => Masked;

    public static bool TryNormalize(string? input, out string vnummer, out string? error)
    {
        vnummer = (input ?? string.Empty).Trim().Replace(" ", string.Empty).Replace(".", string.Empty);
        if (vnummer.Length == 10 && vnummer.All(char.IsAsciiDigit))
        {
            error = null;
            return true;
        }

        error = "Een V-nummer bestaat uit 10 cijfers.";
        return false;
    }
}
