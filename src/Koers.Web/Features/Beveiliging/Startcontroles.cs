using Koers.Data;
using Koers.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Koers.Web.Features.Beveiliging;

/// <summary>Koers will not start like this; the message says what to change.</summary>
public sealed class OnveiligeInstallatieException(string melding) : Exception(melding);

/// <summary>
/// Checks at start-up that keep a real install from running with demo accounts or with logging that prints personal
/// data. "Productie" here is every environment except Development and Test (Staging too): only those two may hold the
/// demo's public password or EF's parameter values in the log.
/// </summary>
public static class Startcontroles
{
    /// <summary>The demo accounts' password, published in the README: anyone can sign in with it.</summary>
    public const string GepubliceerdDemowachtwoord = "Koers-demo-2026";

    /// <summary>Up to this many accounts every account is checked; above it only the likely demo accounts (see below).</summary>
    public const int AlleAccountsTot = 25;

    /// <summary>At most this many distinct password hashes are verified at start-up (a PBKDF2 verify costs tens of ms).</summary>
    public const int MaxTeControleren = 100;

    /// <summary>
    /// Whether to seed demo data. Off unless Koers:DemoData is true. In productie it also needs Koers:DemoDataInProductie
    /// (a public demo server, a deliberate second switch) and a Koers:DemoWachtwoord other than the published one, because
    /// the demo makes a functioneel beheerder who can start the anonymisation job.
    /// </summary>
    public static bool DemodataGevraagd(IConfiguration configuration, IHostEnvironment env)
    {
        if (!configuration.GetValue("Koers:DemoData", false)) return false;
        if (!Omgeving.IsProductie(env)) return true;
        if (!configuration.GetValue("Koers:DemoDataInProductie", false))
        {
            throw new OnveiligeInstallatieException(
                $"Koers start niet: Koers:DemoData staat aan in de omgeving '{env.EnvironmentName}'. Demodata maakt accounts met een " +
                "openbaar wachtwoord, ook voor functioneel beheer. Zet Koers__DemoData=false. Alleen voor een openbare demoserver: " +
                "zet daarnaast Koers__DemoDataInProductie=true en een eigen Koers__DemoWachtwoord.");
        }

        var wachtwoord = configuration["Koers:DemoWachtwoord"];
        if (string.IsNullOrEmpty(wachtwoord) || wachtwoord == GepubliceerdDemowachtwoord)
        {
            throw new OnveiligeInstallatieException(
                "Koers start niet: demodata in productie vraagt een eigen Koers__DemoWachtwoord; het wachtwoord uit de README is openbaar.");
        }

        return true;
    }

    /// <summary>
    /// EF Core's sensitive data logging prints parameter values (BSNs) with every command and in exceptions; Npgsql's
    /// 'Include Error Detail' puts row values ("Key (Bsn)=(…) already exists") in exception messages. Neither in productie.
    /// </summary>
    public static void ControleerLoggen(KoersDbContext db, IConfiguration configuration, IHostEnvironment env)
    {
        if (!Omgeving.IsProductie(env)) return;
        if (db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.IsSensitiveDataLoggingEnabled == true)
        {
            throw new OnveiligeInstallatieException(
                "Koers start niet: EnableSensitiveDataLogging staat aan; dan komen BSN's en andere parameterwaarden in het log. " +
                "Dat mag alleen in Development of Test.");
        }

        if (DatabaseSetup.ReadProvider(configuration) == DatabaseProvider.Postgres
            && configuration.GetConnectionString("Koers") is { Length: > 0 } cs
            && new Npgsql.NpgsqlConnectionStringBuilder(cs).IncludeErrorDetail)
        {
            throw new OnveiligeInstallatieException(
                "Koers start niet: de connection string zet 'Include Error Detail'; dan staan waarden uit de database (zoals BSN's) " +
                "in foutmeldingen en dus in het log. Haal die optie weg.");
        }
    }

    /// <summary>
    /// Refuses to start in productie while any account still signs in with the published demo password: a copy of
    /// the demo database, or demo data seeded by mistake, would otherwise be open to anyone who read the README.
    /// Cost is one password-hash verification per account checked, so it is bounded: every account while there are at
    /// most <see cref="AlleAccountsTot"/> (a small install, where a renamed demo account would hide); above that the
    /// demo's own addresses and accounts on reserved demo domains (*.example …), at most <see cref="MaxTeControleren"/>
    /// distinct hashes. Identical hashes (bulk-made test accounts) are verified once.
    /// </summary>
    public static async Task ControleerDemowachtwoordAsync(IServiceProvider services, IHostEnvironment env, CancellationToken ct = default)
    {
        if (!Omgeving.IsProductie(env)) return;
        var db = services.GetRequiredService<KoersDbContext>();
        var hasher = services.GetRequiredService<IPasswordHasher<Gebruiker>>();
        var accounts = db.Users.AsNoTracking().Where(u => u.PasswordHash != null);
        if (await accounts.CountAsync(ct) > AlleAccountsTot)
        {
            // RFC 2606/6761 reserved domains are never a real mailbox: an account there is a demo or test account.
            accounts = accounts.Where(u => u.NormalizedEmail != null && (
                u.NormalizedEmail.EndsWith(".EXAMPLE") || u.NormalizedEmail.EndsWith(".TEST") || u.NormalizedEmail.EndsWith(".INVALID")
                || u.NormalizedEmail.EndsWith(".LOCALHOST") || u.NormalizedEmail.EndsWith("@EXAMPLE.COM")
                || u.NormalizedEmail.EndsWith("@EXAMPLE.NET") || u.NormalizedEmail.EndsWith("@EXAMPLE.ORG")));
        }

        var kandidaten = await accounts.OrderBy(u => u.NormalizedEmail).Select(u => new { u.Email, u.PasswordHash }).ToListAsync(ct);
        var open = new List<string>();
        foreach (var groep in kandidaten.GroupBy(k => k.PasswordHash!).Take(MaxTeControleren))
        {
            var uitkomst = hasher.VerifyHashedPassword(new Gebruiker(), groep.Key, GepubliceerdDemowachtwoord);
            if (uitkomst != PasswordVerificationResult.Failed) open.AddRange(groep.Select(k => k.Email ?? "(zonder e-mail)"));
        }

        if (open.Count == 0) return;
        throw new OnveiligeInstallatieException(
            $"Koers start niet in de omgeving '{env.EnvironmentName}': {open.Count} account(s) hebben het openbare demo-wachtwoord uit de README " +
            $"({string.Join(", ", open.Take(5))}{(open.Count > 5 ? ", …" : "")}). Verwijder deze accounts of geef ze een eigen wachtwoord, " +
            "of gebruik een database zonder demodata. Voor een demo op je eigen machine: start in Development (dotnet run).");
    }
}
