using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Koers.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Koers.Web.Features.Beveiliging;

/// <summary>
/// ASP.NET Core data protection (session cookies, bearer tokens, antiforgery, 2FA state) with its key ring in the
/// database (table dataprotection_sleutel), so every instance accepts what another issued and a restart does not sign
/// everyone out. The key XML is encrypted at rest with AES-256-GCM under <c>Koers:DataProtection:Sleutel</c>
/// (base64, 32 bytes; <c>openssl rand -base64 32</c>): someone who can read the database (a backup, a read-only
/// account) cannot forge a session from it. Rotation: set a new Sleutel and keep the previous one under
/// <c>Koers:DataProtection:OudeSleutels:0</c> (…:1, …) until the keys written under it have expired (90 days).
/// </summary>
public static class DataProtectie
{
    public const string Sectie = "Koers:DataProtection";
    public const string Instelling = Sectie + ":Sleutel";

    /// <summary>The development key in appsettings.Development.json: public, so refused outside Development and Test.</summary>
    public const string Ontwikkelsleutel = "S29lcnMtb250d2lra2VsLWRhdGFwcm90ZWN0aW9uLTE=";

    public static IServiceCollection AddKoersDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var productie = Omgeving.IsProductie(env);
        var tekst = configuration[Instelling];
        if (string.IsNullOrWhiteSpace(tekst))
        {
            if (productie)
            {
                throw new OnveiligeInstallatieException(
                    $"Koers start niet: {Instelling} ontbreekt. Die sleutel beschermt de sleutels van sessies en tokens in de database. " +
                    $"Maak er een met 'openssl rand -base64 32' en zet die als Koers__DataProtection__Sleutel (dezelfde op elke instantie).");
            }

            tekst = Ontwikkelsleutel; // Development and Test only; the same for every local instance
        }
        else if (productie && tekst.Trim() == Ontwikkelsleutel)
        {
            throw new OnveiligeInstallatieException(
                $"Koers start niet: {Instelling} is de openbare ontwikkelsleutel uit appsettings.Development.json. Maak een eigen sleutel met 'openssl rand -base64 32'.");
        }

        var sleutels = new SleutelsVoorDataProtectie(Lees(Instelling, tekst),
            configuration.GetSection(Sectie + ":OudeSleutels").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value))
                .Select(c => Lees(c.Path, c.Value!)).ToList());
        services.AddSingleton(sleutels);
        services.AddDataProtection()
            .SetApplicationName("Koers")
            .PersistKeysToDbContext<KoersDbContext>();
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(sleutels));
        return services;
    }

    private static byte[] Lees(string naam, string waarde)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(waarde.Trim());
        }
        catch (FormatException)
        {
            throw new OnveiligeInstallatieException($"Koers start niet: {naam} is geen base64. Maak een sleutel met 'openssl rand -base64 32'.");
        }

        return bytes.Length == 32
            ? bytes
            : throw new OnveiligeInstallatieException($"Koers start niet: {naam} moet 32 bytes zijn (nu {bytes.Length}). Maak een sleutel met 'openssl rand -base64 32'.");
    }
}

/// <summary>The active key and the old ones still accepted for reading, each known by a short id derived from the key.</summary>
public sealed class SleutelsVoorDataProtectie
{
    private readonly Dictionary<string, byte[]> _opId;

    public SleutelsVoorDataProtectie(byte[] actief, IEnumerable<byte[]> oud)
    {
        Actief = actief;
        ActiefId = Id(actief);
        _opId = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [ActiefId] = actief };
        foreach (var sleutel in oud) _opId.TryAdd(Id(sleutel), sleutel);
    }

    public byte[] Actief { get; }
    public string ActiefId { get; }

    public byte[]? Zoek(string id) => _opId.GetValueOrDefault(id);

    /// <summary>Not secret: 8 hex digits of a hash, to tell which configured key opens a stored key.</summary>
    private static string Id(byte[] sleutel) => Convert.ToHexStringLower(SHA256.HashData([.. "koers-dp-sleutel-id"u8, .. sleutel]))[..8];
}

/// <summary>Encrypts a data-protection key's XML: AES-256-GCM, fresh nonce, key id and version as authenticated attributes.</summary>
public sealed class AesGcmXmlEncryptor(SleutelsVoorDataProtectie sleutels) : IXmlEncryptor
{
    public const string Element = "koersVersleuteld";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var klaar = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var geheim = new byte[klaar.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(sleutels.Actief, tag.Length))
        {
            aes.Encrypt(nonce, klaar, geheim, tag, AesGcmXmlDecryptor.Context(sleutels.ActiefId));
        }

        CryptographicOperations.ZeroMemory(klaar);
        var element = new XElement(Element,
            new XAttribute("versie", "1"),
            new XAttribute("sleutel", sleutels.ActiefId),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(geheim));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="AesGcmXmlEncryptor"/> wrote; created by the key manager from the type name in the XML.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    internal static byte[] Context(string sleutelId) => Encoding.UTF8.GetBytes($"Koers.DataProtection.v1:{sleutelId}");

    public XElement Decrypt(XElement encryptedElement)
    {
        var sleutels = services.GetRequiredService<SleutelsVoorDataProtectie>();
        var id = (string?)encryptedElement.Attribute("sleutel") ?? string.Empty;
        var sleutel = sleutels.Zoek(id) ?? throw new CryptographicException(
            $"Een sleutel in dataprotection_sleutel is versleuteld met een sleutel (id {id}) die niet in {DataProtectie.Instelling} of " +
            $"{DataProtectie.Sectie}:OudeSleutels staat. Zet die sleutel terug als oude sleutel.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var geheim = Convert.FromBase64String(encryptedElement.Value);
        var klaar = new byte[geheim.Length];
        using (var aes = new AesGcm(sleutel, tag.Length))
        {
            aes.Decrypt(nonce, geheim, tag, klaar, Context(id));
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(klaar));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(klaar);
        }
    }
}
