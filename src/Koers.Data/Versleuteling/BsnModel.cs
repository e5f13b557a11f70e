using System.Globalization;
using Koers.Data.Model;
using Koers.Data.Model.Duo;
using Koers.Data.Model.Keten;
using Koers.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Koers.Data.Versleuteling;

/// <summary>
/// How the BSN protection is wired into EF Core. The encrypted properties get a value converter, so code reads and
/// writes clear values in memory while the column holds ciphertext; the converter needs the keys, so the model is
/// built per key configuration (<see cref="BsnModelCacheKey"/>). A context without <see cref="UseBsnBescherming"/>
/// (design time, a bare context in a tool) has the same model, but any read or write of a protected value throws:
/// it fails closed instead of storing a BSN in the clear.
/// </summary>
public static class BsnModel
{
    /// <summary>Room for <c>v{id}:</c> plus base64 of nonce, a 10-character value and the tag.</summary>
    public const int NummerLengte = 100;

    /// <summary><c>{id}:</c> plus 64 hex characters.</summary>
    public const int IndexLengte = 80;

    /// <summary>Gives this context the keys; registers the index upkeep and the query guard with them.</summary>
    public static DbContextOptionsBuilder UseBsnBescherming(this DbContextOptionsBuilder options, BsnBescherming bescherming)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new BsnOptiesExtensie(bescherming));
        options.ReplaceService<IModelCacheKeyFactory, BsnModelCacheKeyFactory>();
        return options.AddInterceptors(BsnIndexBijwerker.Instantie, BsnQueryBewaker.Instantie);
    }

    public static DbContextOptionsBuilder<TContext> UseBsnBescherming<TContext>(this DbContextOptionsBuilder<TContext> options, BsnBescherming bescherming)
        where TContext : DbContext
    {
        ((DbContextOptionsBuilder)options).UseBsnBescherming(bescherming);
        return options;
    }

    /// <summary>The keys this context was given, or null for a bare context.</summary>
    public static BsnBescherming? BeschermingVan(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<BsnOptiesExtensie>()?.Bescherming;

    /// <summary>Maps the protected columns and their blind indexes; called at the end of the model.</summary>
    public static void Configureer(ModelBuilder b, BsnBescherming? bescherming)
    {
        var tekst = new VersleutelConverter(bescherming);
        var bsn = new VersleutelBsnConverter(bescherming);
        b.Entity<Inburgeraar>(e =>
        {
            e.Property(x => x.Bsn).HasConversion((ValueConverter)bsn).HasMaxLength(NummerLengte);
            e.Property(x => x.VNummer).HasConversion((ValueConverter)new VersleutelVNummerConverter(bescherming)).HasMaxLength(NummerLengte);
            e.Property(x => x.BsnIndex).HasMaxLength(IndexLengte);
            e.Property(x => x.VNummerIndex).HasMaxLength(IndexLengte);
            // Not unique, as the clear column was not: the duplicate check is the application's (DossierService).
            e.HasIndex(x => x.BsnIndex);
            e.HasIndex(x => x.VNummerIndex);
        });
        b.Entity<DuoNotificatie>(e =>
        {
            e.Property(x => x.Bsn).HasConversion((ValueConverter)bsn).HasMaxLength(NummerLengte);
            e.Property(x => x.VNummer).HasConversion((ValueConverter)new VersleutelDuoVNummerConverter(bescherming)).HasMaxLength(NummerLengte);
            e.Property(x => x.Persoonssleutel).HasMaxLength(IndexLengte);
        });
        // The path of a queued DUO message is personen/{bsn}/…; the refused rows of a partner upload repeat the file's bsn column.
        b.Entity<DuoUitgaandBericht>().Property(x => x.Pad).HasConversion((ValueConverter)tekst).HasMaxLength(400);
        b.Entity<Urenupload>().Property(x => x.FoutenCsv).HasConversion((ValueConverter)tekst);
        // Answers on participation and well-being (special-category data, issue #22): the value of every answer.
        b.Entity<Participatieantwoord>().Property(x => x.Waarde).HasConversion((ValueConverter)new VersleutelGetalConverter(bescherming)).HasMaxLength(NummerLengte);
        // The option code of an answer to an own meerkeuze question (issue #22): as telling as a value.
        b.Entity<Participatieantwoord>().Property(x => x.Keuze).HasConversion((ValueConverter)tekst).HasMaxLength(200);
    }

    internal static BsnBescherming Vereist(BsnBescherming? bescherming) => bescherming ?? throw new BsnSleutelFout(
        "Deze KoersDbContext heeft geen BSN-sleutels (UseBsnBescherming ontbreekt); een BSN wordt nooit onversleuteld gelezen of geschreven.");
}

/// <summary>Marks the converters of protected properties, so the query guard and the start-up step can find them in the model.</summary>
public interface IBeschermdeConverter;

/// <summary>Text ↔ <c>v{id}:…</c>. Null never reaches a converter, so null stays null (and "IS NULL" still works).</summary>
public sealed class VersleutelConverter(BsnBescherming? b) : ValueConverter<string, string>(
    v => BsnModel.Vereist(b).Versleutel(v),
    v => BsnModel.Vereist(b).Ontsleutel(v)), IBeschermdeConverter;

/// <summary>
/// A whole number ↔ <c>v{id}:…</c> of its invariant text. The stored form of a former integer column read as clear
/// text (from before encryption) parses the same way, and <see cref="BsnOpslag"/> encrypts such rows at start-up.
/// </summary>
public sealed class VersleutelGetalConverter(BsnBescherming? b) : ValueConverter<int, string>(
    v => BsnModel.Vereist(b).Versleutel(v.ToString(CultureInfo.InvariantCulture)),
    v => int.Parse(BsnModel.Vereist(b).Ontsleutel(v), CultureInfo.InvariantCulture)), IBeschermdeConverter;

/// <summary>
/// <see cref="Bsn"/> ↔ <c>v{id}:…</c> of its nine digits: the same stored text as when the property was a string, so
/// the value type needed no data migration. Reading takes the nine digits as stored (<see cref="Bsn.UitOpslag"/>): a
/// number from an earlier system that fails the elfproef must not make its case unreadable.
/// </summary>
public sealed class VersleutelBsnConverter(BsnBescherming? b) : ValueConverter<Bsn, string>(
    v => BsnModel.Vereist(b).Versleutel(v.Value),
    v => Bsn.UitOpslag(BsnModel.Vereist(b).Ontsleutel(v))), IBeschermdeConverter;

/// <summary>A case's <see cref="VNummer"/> ↔ <c>v{id}:…</c> of its ten digits (the stored text of the former string property).</summary>
public sealed class VersleutelVNummerConverter(BsnBescherming? b) : ValueConverter<VNummer, string>(
    v => BsnModel.Vereist(b).Versleutel(v.Value),
    v => VNummer.Parse(BsnModel.Vereist(b).Ontsleutel(v))), IBeschermdeConverter;

/// <summary>
/// A DUO notification's <see cref="VNummer"/> ↔ <c>v{id}:…</c> of DUO's number as it was stored when the property
/// was a <c>long</c>: without leading zeros. Kept so stored rows and <see cref="BsnOpslag"/> (which reads that text)
/// need no change; read back as ten digits (<see cref="BsnBescherming.VNummerTekst"/>).
/// </summary>
public sealed class VersleutelDuoVNummerConverter(BsnBescherming? b) : ValueConverter<VNummer, string>(
    v => BsnModel.Vereist(b).Versleutel(long.Parse(v.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
    v => VNummer.Parse(BsnBescherming.VNummerTekst(long.Parse(BsnModel.Vereist(b).Ontsleutel(v), CultureInfo.InvariantCulture)))), IBeschermdeConverter;

/// <summary>Carries the keys on the context options. One EF service provider for all key sets; the model differs per set.</summary>
public sealed class BsnOptiesExtensie(BsnBescherming bescherming) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public BsnBescherming Bescherming => bescherming;
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensieInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensieInfo(IDbContextOptionsExtension extensie) : DbContextOptionsExtensionInfo(extensie)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "BsnBescherming ";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensieInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Koers:BsnBescherming"] = "1";
    }
}

/// <summary>
/// EF caches one model per context type; the converters hold the keys, so a context with other keys (a rotation,
/// a test with its own keys) must get its own model. The fingerprint of the key material tells them apart.
/// </summary>
public sealed record BsnModelCacheKey(Type Context, bool DesignTime, string? Vingerafdruk);

public sealed class BsnModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        new BsnModelCacheKey(context.GetType(), designTime, BsnModel.BeschermingVan(context)?.Vingerafdruk);
}
