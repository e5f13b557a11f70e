using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue #21: the auditor's search by account and by period on a year of national audit. The capped count visited every
    /// matching row in the heap for the region test ("RegioId", "InburgeraarId"); with those columns included in the
    /// account and period indexes it is an index-only scan. The region's case ids are hashed once per statement; the new
    /// (GemeenteId, Id) index on inburgeraar lets that hash be built from the index alone. See bench/README.md.
    ///
    /// On the partitioned audit table (PostgreSQL) an index made on the parent is made on every partition, the DEFAULT one
    /// included, and on every partition made later (AuditBewaring); the build holds a SHARE lock on audit, so writes of
    /// audit rows wait for it (seconds per million rows).
    /// </summary>
    public partial class AuditZoekIndexen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_Gebruiker_Id",
                table: "audit");

            migrationBuilder.DropIndex(
                name: "IX_audit_Op",
                table: "audit");

            migrationBuilder.CreateIndex(
                name: "IX_inburgeraar_GemeenteId_Id",
                table: "inburgeraar",
                columns: new[] { "GemeenteId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_Gebruiker_Id",
                table: "audit",
                columns: new[] { "Gebruiker", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "RegioId", "InburgeraarId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_Op",
                table: "audit",
                column: "Op")
                .Annotation("Npgsql:IndexInclude", new[] { "RegioId", "InburgeraarId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inburgeraar_GemeenteId_Id",
                table: "inburgeraar");

            migrationBuilder.DropIndex(
                name: "IX_audit_Gebruiker_Id",
                table: "audit");

            migrationBuilder.DropIndex(
                name: "IX_audit_Op",
                table: "audit");

            migrationBuilder.CreateIndex(
                name: "IX_audit_Gebruiker_Id",
                table: "audit",
                columns: new[] { "Gebruiker", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_Op",
                table: "audit",
                column: "Op");
        }
    }
}
