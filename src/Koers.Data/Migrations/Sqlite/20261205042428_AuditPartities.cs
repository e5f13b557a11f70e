using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite keeps one plain audit table: the monthly partitions of the PostgreSQL migration of this name are PostgreSQL
    /// only, and retention deletes rows here (Koers.Web Features/Audit/AuditBewaring). The index serves the auditor's
    /// search by account on both.
    /// </summary>
    public partial class AuditPartities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_audit_Gebruiker_Id",
                table: "audit",
                columns: new[] { "Gebruiker", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_Gebruiker_Id",
                table: "audit");
        }
    }
}
