using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Koers.Domain.Identity;
using Microsoft.Extensions.Configuration;

namespace Koers.Data.Versleuteling;

/// <summary>Which number a blind index is for; part of the hashed input, so a BSN and a V-nummer never share an index.</summary>
public enum Nummersoort
{
    Bsn,
    VNummer,
}

/// <summary>A missing or unusable key configuration; the message says what to set (never a key).</summary>
public sealed class BsnSleutelFout(string melding) : InvalidOperationException(melding);

/// <summary>
/// Encryption at rest of BSNs, V-nummers and the few other values that carry them (issue #15), after OneGround's
/// ZGW-APIs. Two separate things, each with its own keys:
/// - <b>Encryption</b> (AES-256-GCM, random 96-bit nonce): stored as text <c>v{sleutelId}:{base64(nonce|ciphertext|tag)}</c>.
///   New values use the active key; old values stay readable as long as their key is configured, so a key can be
///   rotated without downtime and rows are re-encrypted afterwards (<see cref="BsnOpslag"/>).
/// - <b>Blind index</b> (HMAC-SHA256 with a separate key): stored as <c>{indexSleutelId}:{hex}</c> next to the
///   ciphertext, so a case is found by BSN with an equality on an indexed column. The ciphertext cannot be searched
///   (a random nonce makes every encryption different), and an unkeyed hash would not help: there are only 10^9
///   BSNs, a plain SHA-256 of all of them is a few minutes of work.
/// Keys come from configuration only (Koers:Bsn:Sleutels:{id}, Koers:Bsn:IndexSleutels:{id}, base64 of 32 bytes);
/// key ids are digits, so the prefixes can be matched with a plain LIKE on every provider.
/// </summary>
public sealed class BsnBescherming : IDisposable
{
    public const string Sectie = "Koers:Bsn";
    private const int NonceLengte = 12;
    private const int TagLengte = 16;

    /// <summary>
    /// The development key pair in src/Koers.Web/appsettings.Development.json. It is public, so every environment
    /// other than Development and Test refuses to start with it (Koers.Web, BsnRegistratie).
    /// </summary>
    public static readonly IReadOnlyList<string> Ontwikkelsleutels =
    [
        "S29lcnMtb250d2lra2VsLWJzbi1zbGV1dGVsLTAwMDE=",
        "S29lcnMtb250d2lra2VsLWluZGV4LXNsZXV0ZWwtMDE=",
    ];

    private readonly Dictionary<string, byte[]> _sleutels;
    private readonly Dictionary<string, byte[]> _indexSleutels;

    // The OpenSSL contexts of the AES keys and the HMAC keys, made once per thread and key instead of once per value: a CSV
    // of 10,000 rows indexes and decrypts thousands of numbers, and setting up a context cost more than the operation
    // (issue #21). Per thread because an AesGcm or IncrementalHash instance must not be used by two threads at once; every
    // use below is synchronous, so a context never crosses an await.
    private readonly ThreadLocal<Dictionary<string, AesGcm>> _aes = new(() => [], trackAllValues: true);
    private readonly ThreadLocal<Dictionary<string, IncrementalHash>> _hmac = new(() => [], trackAllValues: true);

    /// <summary>Frees the OpenSSL contexts of every thread (the instance is a singleton: at shutdown).</summary>
    public void Dispose()
    {
        foreach (var aes in _aes.Values.SelectMany(d => d.Values)) aes.Dispose();
        foreach (var hmac in _hmac.Values.SelectMany(d => d.Values)) hmac.Dispose();
        _aes.Dispose();
        _hmac.Dispose();
    }

    private AesGcm Aes(string id)
    {
        var perSleutel = _aes.Value!;
        if (!perSleutel.TryGetValue(id, out var aes)) perSleutel[id] = aes = new AesGcm(_sleutels[id], TagLengte);
        return aes;
    }

    public BsnBescherming(IReadOnlyDictionary<string, byte[]> sleutels, string actieveSleutel, IReadOnlyDictionary<string, byte[]> indexSleutels, string actieveIndexSleutel)
    {
        _sleutels = Controleer(sleutels, actieveSleutel, "Sleutels", "ActieveSleutel");
        _indexSleutels = Controleer(indexSleutels, actieveIndexSleutel, "IndexSleutels", "ActieveIndexSleutel");
        // One key for two purposes (AES and HMAC) is a classic mistake; refuse it instead of documenting it.
        if (_sleutels.Values.Any(s => _indexSleutels.Values.Any(i => CryptographicOperations.FixedTimeEquals(s, i))))
        {
            throw new BsnSleutelFout($"{Sectie}: een indexsleutel is gelijk aan een versleutelsleutel. Gebruik voor de index een eigen sleutel (openssl rand -base64 32).");
        }

        ActieveSleutel = actieveSleutel;
        ActieveIndexSleutel = actieveIndexSleutel;
        // Identifies the key material without revealing it (a hash of all of it), for EF's model cache.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (soort, ring, actief) in new[] { ("v", _sleutels, actieveSleutel), ("i", _indexSleutels, actieveIndexSleutel) })
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{soort}|{actief}|"));
            foreach (var (id, sleutel) in ring.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                sha.AppendData(Encoding.UTF8.GetBytes(id + "="));
                sha.AppendData(sleutel);
            }
        }

        Vingerafdruk = Convert.ToHexString(sha.GetHashAndReset());
        GebruiktOntwikkelsleutel = _sleutels.Values.Concat(_indexSleutels.Values)
            .Any(s => Ontwikkelsleutels.Any(o => CryptographicOperations.FixedTimeEquals(s, Convert.FromBase64String(o))));
    }

    /// <summary>The key id new values are encrypted with.</summary>
    public string ActieveSleutel { get; }

    /// <summary>The index key id new blind indexes are made with.</summary>
    public string ActieveIndexSleutel { get; }

    public IReadOnlyCollection<string> Sleutels => _sleutels.Keys;
    public IReadOnlyCollection<string> IndexSleutels => _indexSleutels.Keys;

    /// <summary>A SHA-256 over all key material: equal for equal configurations, says nothing about the keys.</summary>
    public string Vingerafdruk { get; }

    /// <summary>True when one of the public development keys is configured.</summary>
    public bool GebruiktOntwikkelsleutel { get; }

    /// <summary>Encrypts with the active key: <c>v{id}:{base64(nonce|ciphertext|tag)}</c>, different every time.</summary>
    public string Versleutel(string waarde)
    {
        var tekst = Encoding.UTF8.GetBytes(waarde);
        var prefix = "v" + ActieveSleutel + ":";
        var buffer = new byte[NonceLengte + tekst.Length + TagLengte];
        var nonce = buffer.AsSpan(0, NonceLengte);
        RandomNumberGenerator.Fill(nonce);
        var aes = Aes(ActieveSleutel);
        // The prefix is authenticated data: a ciphertext cannot be relabelled to another key id unnoticed.
        aes.Encrypt(nonce, tekst, buffer.AsSpan(NonceLengte, tekst.Length), buffer.AsSpan(NonceLengte + tekst.Length), Encoding.ASCII.GetBytes(prefix));
        return prefix + Convert.ToBase64String(buffer);
    }

    /// <summary>
    /// Decrypts a stored value with the key named in its prefix. A value without the prefix is clear text from before
    /// encryption (or written by an older version during a rolling update) and is returned as it is; the start-up step
    /// (<see cref="BsnOpslag"/>) encrypts such rows. A ciphertext whose key is not configured, or that was altered, throws.
    /// </summary>
    public string Ontsleutel(string opgeslagen)
    {
        if (SleutelVan(opgeslagen) is not { } id) return opgeslagen;
        if (!_sleutels.ContainsKey(id))
        {
            throw new BsnSleutelFout($"Een versleuteld BSN gebruikt sleutel '{id}', maar {Sectie}:Sleutels:{id} is niet ingesteld. Zet die sleutel terug (oude sleutels blijven nodig tot na herversleutelen).");
        }

        var prefixLengte = id.Length + 2;
        byte[] buffer;
        try
        {
            buffer = Convert.FromBase64String(opgeslagen[prefixLengte..]);
        }
        catch (FormatException)
        {
            throw new BsnSleutelFout("Een versleuteld BSN is beschadigd (geen geldige base64).");
        }

        if (buffer.Length < NonceLengte + TagLengte) throw new BsnSleutelFout("Een versleuteld BSN is beschadigd (te kort).");
        var lengte = buffer.Length - NonceLengte - TagLengte;
        var tekst = new byte[lengte];
        var aes = Aes(id);
        try
        {
            aes.Decrypt(buffer.AsSpan(0, NonceLengte), buffer.AsSpan(NonceLengte, lengte), buffer.AsSpan(NonceLengte + lengte), tekst,
                Encoding.ASCII.GetBytes(opgeslagen[..prefixLengte]));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new BsnSleutelFout($"Een versleuteld BSN klopt niet met sleutel '{id}' (gewijzigd, of een andere sleutel onder dezelfde id).");
        }

        return Encoding.UTF8.GetString(tekst);
    }

    /// <summary>The key id of a stored ciphertext (<c>v{digits}:…</c>), or null for clear text.</summary>
    public static string? SleutelVan(string opgeslagen)
    {
        if (opgeslagen.Length < 3 || opgeslagen[0] != 'v') return null;
        var dubbelepunt = opgeslagen.IndexOf(':', 1);
        if (dubbelepunt < 2 || dubbelepunt > 10) return null;
        for (var i = 1; i < dubbelepunt; i++)
        {
            if (!char.IsAsciiDigit(opgeslagen[i])) return null;
        }

        return opgeslagen[1..dubbelepunt];
    }

    /// <summary>The blind index with the active index key: <c>{id}:{hex(HMAC-SHA256(soort:waarde))}</c>.</summary>
    public string Index(Nummersoort soort, string waarde) => Index(ActieveIndexSleutel, soort, waarde);

    /// <summary>
    /// The blind index under every configured index key, active first: what a lookup compares with, so rows indexed
    /// with the previous key are still found while an index key rotation is under way.
    /// </summary>
    public string[] Indexen(Nummersoort soort, string waarde) =>
        [Index(soort, waarde), .. _indexSleutels.Keys.Where(k => k != ActieveIndexSleutel).Order(StringComparer.Ordinal).Select(k => Index(k, soort, waarde))];

    /// <summary><see cref="Indexen(Nummersoort, string)"/> for several values at once (a CSV file, a batch).</summary>
    public string[] Indexen(Nummersoort soort, IEnumerable<string> waarden) => waarden.SelectMany(w => Indexen(soort, w)).ToArray();

    private string Index(string id, Nummersoort soort, string waarde)
    {
        var invoer = Encoding.UTF8.GetBytes((soort == Nummersoort.Bsn ? "bsn:" : "vnummer:") + waarde.Trim());
        var perSleutel = _hmac.Value!;
        if (!perSleutel.TryGetValue(id, out var hmac)) perSleutel[id] = hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _indexSleutels[id]);
        Span<byte> hash = stackalloc byte[32];
        hmac.AppendData(invoer);
        hmac.GetHashAndReset(hash);
        return id + ":" + Convert.ToHexStringLower(hash);
    }

    /// <summary>A V-nummer as DUO sends it (a number) in the text form Koers stores and indexes: 10 digits.</summary>
    public static string VNummerTekst(long vnummer) => vnummer.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>
    /// The key that orders DUO events per person: the blind index of the BSN, or of the V-nummer when DUO sent no BSN.
    /// Before encryption this was "B:{bsn}" in clear text.
    /// </summary>
    public string Persoonssleutel(string? bsn, long? vnummer) =>
        bsn is not null ? Index(Nummersoort.Bsn, bsn)
        : vnummer is { } v ? Index(Nummersoort.VNummer, VNummerTekst(v))
        : throw new ArgumentException("Een DUO-notificatie zonder BSN en zonder V-nummer heeft geen persoon.");

    /// <summary><see cref="Persoonssleutel(string?, long?)"/> for the value types: the same key (a V-nummer's text is its ten digits).</summary>
    public string Persoonssleutel(Bsn? bsn, VNummer? vnummer) =>
        bsn is { } b ? Index(Nummersoort.Bsn, b.Value)
        : vnummer is { } v ? Index(Nummersoort.VNummer, v.Value)
        : throw new ArgumentException("Een DUO-notificatie zonder BSN en zonder V-nummer heeft geen persoon.");

    /// <summary><see cref="Indexen(Nummersoort, string)"/> of a BSN.</summary>
    public string[] Indexen(Bsn bsn) => Indexen(Nummersoort.Bsn, bsn.Value);

    /// <summary><see cref="Indexen(Nummersoort, string)"/> of a V-nummer.</summary>
    public string[] Indexen(VNummer vnummer) => Indexen(Nummersoort.VNummer, vnummer.Value);

    /// <summary>
    /// Reads Koers:Bsn from configuration. Refuses (with a message naming the setting) when keys are missing, not
    /// base64 of exactly 32 bytes, or the active id is not among them: Koers never stores a BSN unprotected.
    /// </summary>
    public static BsnBescherming UitConfiguratie(IConfiguration configuration)
    {
        var sectie = configuration.GetSection(Sectie);
        return new BsnBescherming(
            LeesSleutels(sectie.GetSection("Sleutels"), "Sleutels"), Actief(sectie, "ActieveSleutel", "Sleutels"),
            LeesSleutels(sectie.GetSection("IndexSleutels"), "IndexSleutels"), Actief(sectie, "ActieveIndexSleutel", "IndexSleutels"));
    }

    private static Dictionary<string, byte[]> LeesSleutels(IConfigurationSection sectie, string naam)
    {
        var sleutels = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var kind in sectie.GetChildren())
        {
            if (string.IsNullOrWhiteSpace(kind.Value)) continue;
            byte[] sleutel;
            try
            {
                sleutel = Convert.FromBase64String(kind.Value.Trim());
            }
            catch (FormatException)
            {
                throw new BsnSleutelFout($"{Sectie}:{naam}:{kind.Key} is geen base64. Maak een sleutel met: openssl rand -base64 32");
            }

            sleutels[kind.Key] = sleutel;
        }

        return sleutels;
    }

    /// <summary>The active id as configured; with exactly one key and no choice made, that key.</summary>
    private static string Actief(IConfigurationSection sectie, string naam, string sleutelsNaam)
    {
        if (sectie[naam] is { Length: > 0 } id) return id.Trim();
        var ids = sectie.GetSection(sleutelsNaam).GetChildren().Where(k => !string.IsNullOrWhiteSpace(k.Value)).Select(k => k.Key).ToList();
        return ids.Count == 1 ? ids[0] : string.Empty;
    }

    private static Dictionary<string, byte[]> Controleer(IReadOnlyDictionary<string, byte[]> sleutels, string actief, string naam, string actiefNaam)
    {
        if (sleutels.Count == 0)
        {
            throw new BsnSleutelFout(
                $"Geen sleutels voor het versleutelen van BSN's: zet {Sectie}:Sleutels:1 en {Sectie}:IndexSleutels:1 (elk: openssl rand -base64 32), " +
                $"bijvoorbeeld als omgevingsvariabelen Koers__Bsn__Sleutels__1 en Koers__Bsn__IndexSleutels__1. Koers start niet zonder.");
        }

        foreach (var (id, sleutel) in sleutels)
        {
            if (id.Length is 0 or > 9 || !id.All(char.IsAsciiDigit))
            {
                throw new BsnSleutelFout($"{Sectie}:{naam}:{id}: een sleutel-id bestaat uit 1 tot 9 cijfers (bijvoorbeeld 1, 2, 3).");
            }

            if (sleutel.Length != 32)
            {
                throw new BsnSleutelFout($"{Sectie}:{naam}:{id} moet base64 van precies 32 bytes (256 bits) zijn, niet {sleutel.Length}. Maak een sleutel met: openssl rand -base64 32");
            }
        }

        if (!sleutels.ContainsKey(actief))
        {
            throw new BsnSleutelFout(string.IsNullOrEmpty(actief)
                ? $"Er zijn meerdere {Sectie}:{naam}; zet {Sectie}:{actiefNaam} op de id van de sleutel voor nieuwe waarden."
                : $"{Sectie}:{actiefNaam} is '{actief}', maar {Sectie}:{naam}:{actief} is niet ingesteld.");
        }

        return sleutels.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
    }
}
