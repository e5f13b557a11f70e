using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonitorPipUiterlijk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PipUiterlijk",
                table: "monitor_dossier",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitor_dossier_PipUiterlijk",
                table: "monitor_dossier",
                column: "PipUiterlijk");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_monitor_dossier_PipUiterlijk",
                table: "monitor_dossier");

            migrationBuilder.DropColumn(
                name: "PipUiterlijk",
                table: "monitor_dossier");
        }
    }
}
