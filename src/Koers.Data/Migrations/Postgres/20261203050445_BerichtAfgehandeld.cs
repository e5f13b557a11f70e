using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BerichtAfgehandeld : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AfgehandeldDoor",
                table: "bericht",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AfgehandeldOp",
                table: "bericht",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AfgehandeldDoor",
                table: "bericht");

            migrationBuilder.DropColumn(
                name: "AfgehandeldOp",
                table: "bericht");
        }
    }
}
