using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditKeten : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Doel",
                table: "audit",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IpAdres",
                table: "audit",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organisatie",
                table: "audit",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegioId",
                table: "audit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resultaat",
                table: "audit",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Toegestaan");

            migrationBuilder.AddColumn<string>(
                name: "Rol",
                table: "audit",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Volgnummer",
                table: "audit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VorigeHash",
                table: "audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_onverzegeld",
                table: "audit",
                column: "Id",
                filter: "\"Volgnummer\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_audit_RegioId",
                table: "audit",
                column: "RegioId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_Volgnummer",
                table: "audit",
                column: "Volgnummer",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_onverzegeld",
                table: "audit");

            migrationBuilder.DropIndex(
                name: "IX_audit_RegioId",
                table: "audit");

            migrationBuilder.DropIndex(
                name: "IX_audit_Volgnummer",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Doel",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "IpAdres",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Organisatie",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "RegioId",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Resultaat",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Rol",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Volgnummer",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "VorigeHash",
                table: "audit");
        }
    }
}
