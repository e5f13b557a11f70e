using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Briefsjablonen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sjabloonversie",
                table: "handhavingsbesluit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sjabloonversie",
                table: "beschikking",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "briefsjabloonversie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Versie = table.Column<int>(type: "INTEGER", nullable: false),
                    Tekst = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Toelichting = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OpgeslagenOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpgeslagenDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_briefsjabloonversie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_briefsjabloonversie_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_briefsjabloonversie_GemeenteId_Soort_Versie",
                table: "briefsjabloonversie",
                columns: new[] { "GemeenteId", "Soort", "Versie" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "briefsjabloonversie");

            migrationBuilder.DropColumn(
                name: "Sjabloonversie",
                table: "handhavingsbesluit");

            migrationBuilder.DropColumn(
                name: "Sjabloonversie",
                table: "beschikking");
        }
    }
}
