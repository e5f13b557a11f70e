using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IpAdres",
                table: "audit",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organisatie",
                table: "audit",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegioId",
                table: "audit",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Resultaat",
                table: "audit",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Toegestaan");

            migrationBuilder.AddColumn<string>(
                name: "Rol",
                table: "audit",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Volgnummer",
                table: "audit",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VorigeHash",
                table: "audit",
                type: "character varying(64)",
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
