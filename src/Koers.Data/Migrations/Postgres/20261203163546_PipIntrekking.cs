using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "IngetrokkenOp",
                table: "pip_versie",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RedenIntrekking",
                table: "pip_versie",
                type: "character varying(2000)",
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
