using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OntzorgenBesluitOpDossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OntzorgenAfgezien",
                table: "inburgeraar",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OntzorgenVerlengdTot",
                table: "inburgeraar",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OntzorgenAfgezien",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "OntzorgenVerlengdTot",
                table: "inburgeraar");
        }
    }
}
