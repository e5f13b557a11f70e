using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PipVorigeGemeente",
                table: "inburgeraar",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PipVorigeGemeenteOp",
                table: "inburgeraar",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actie",
                table: "duo_notificatie",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActieAfgehandeldDoor",
                table: "duo_notificatie",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ActieAfgehandeldOp",
                table: "duo_notificatie",
                type: "TEXT",
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
