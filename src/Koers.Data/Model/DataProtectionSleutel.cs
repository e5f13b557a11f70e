using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Koers.Data.Model;

/// <summary>
/// Where the data-protection key ring lives: one row per key, in the database every instance shares, so a cookie,
/// antiforgery token or bearer token made by one instance is readable by the others and survives a restart.
/// The XML is encrypted by the web app before it is stored (Koers.Web/Features/Beveiliging/Sleutelbescherming.cs).
/// </summary>
public sealed class DataProtectionSleutelConfiguratie : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("dataprotection_sleutel");
        e.Property(x => x.FriendlyName).HasMaxLength(100);
    }
}
