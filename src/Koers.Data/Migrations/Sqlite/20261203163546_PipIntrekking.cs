using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PipIntrekking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IngetrokkenDoor",
                table: "pip_versie",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IngetrokkenOp",
                table: "pip_versie",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedenIntrekking",
                table: "pip_versie",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IngetrokkenDoor",
                table: "pip_versie");

            migrationBuilder.DropColumn(
                name: "IngetrokkenOp",
                table: "pip_versie");

            migrationBuilder.DropColumn(
                name: "RedenIntrekking",
                table: "pip_versie");
        }
    }
}
