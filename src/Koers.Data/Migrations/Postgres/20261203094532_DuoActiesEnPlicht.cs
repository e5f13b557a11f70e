using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuoActiesEnPlicht : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DuoPlichtSinds",
                table: "inburgeraar",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PipVorigeGemeente",
                table: "inburgeraar",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PipVorigeGemeenteOp",
                table: "inburgeraar",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actie",
                table: "duo_notificatie",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActieAfgehandeldDoor",
                table: "duo_notificatie",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ActieAfgehandeldOp",
                table: "duo_notificatie",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DuoPlichtSinds",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "PipVorigeGemeente",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "PipVorigeGemeenteOp",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "Actie",
                table: "duo_notificatie");

            migrationBuilder.DropColumn(
                name: "ActieAfgehandeldDoor",
                table: "duo_notificatie");

            migrationBuilder.DropColumn(
                name: "ActieAfgehandeldOp",
                table: "duo_notificatie");
        }
    }
}
