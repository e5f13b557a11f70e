using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BeschikkingVerzenddatum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LaatsteBeschikkingNietVerzonden",
                table: "inburgeraar",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Verzenddatum",
                table: "handhavingsbesluit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Verzenddatum",
                table: "beschikking",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerzondenGeregistreerdDoor",
                table: "beschikking",
                type: "TEXT",
                nullable: true);

            // Letters made before this change printed a last day computed from their dagtekening; the clock keeps
            // using that day for them (the person was told it), so their date of sending is taken as the dagtekening.
            migrationBuilder.Sql("""UPDATE beschikking SET "Verzenddatum" = "Datum", "VerzondenGeregistreerdDoor" = 'migratie' WHERE "Verzenddatum" IS NULL""");
            migrationBuilder.Sql("""UPDATE handhavingsbesluit SET "Verzenddatum" = "Datum" WHERE "Pdf" IS NOT NULL AND "Verzenddatum" IS NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LaatsteBeschikkingNietVerzonden",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "Verzenddatum",
                table: "handhavingsbesluit");

            migrationBuilder.DropColumn(
                name: "Verzenddatum",
                table: "beschikking");

            migrationBuilder.DropColumn(
                name: "VerzondenGeregistreerdDoor",
                table: "beschikking");
        }
    }
}
