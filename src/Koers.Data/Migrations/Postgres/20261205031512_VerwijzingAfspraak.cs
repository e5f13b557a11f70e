using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VerwijzingAfspraak : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AfspraakDatum",
                table: "zorgverwijzing",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AfspraakPlaats",
                table: "zorgverwijzing",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "AfspraakTijd",
                table: "zorgverwijzing",
                type: "time without time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AfspraakDatum",
                table: "zorgverwijzing");

            migrationBuilder.DropColumn(
                name: "AfspraakPlaats",
                table: "zorgverwijzing");

            migrationBuilder.DropColumn(
                name: "AfspraakTijd",
                table: "zorgverwijzing");
        }
    }
}
