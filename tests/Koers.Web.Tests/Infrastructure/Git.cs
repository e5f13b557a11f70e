namespace Koers.Web.Tests.Infrastructure;

/// <summary>For the tests that prove a copied spec is the published one, byte for byte.</summary>
public static class Git
{
    /// <summary>git's blob id of a file's bytes (what `git rev-parse &lt;commit&gt;:&lt;path&gt;` prints): SHA-1 over "blob {length}\0" and the bytes.</summary>
    public static string BlobId(byte[] inhoud)
    {
        var kop = System.Text.Encoding.ASCII.GetBytes($"blob {inhoud.Length}\0");
#pragma warning disable CA5350 // SHA-1 is git's object id, compared with the upstream commit, not used for security
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. kop, .. inhoud]));
#pragma warning restore CA5350
    }
}
