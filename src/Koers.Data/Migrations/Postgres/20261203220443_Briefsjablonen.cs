using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sjabloonversie",
                table: "beschikking",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "briefsjabloonversie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Versie = table.Column<int>(type: "integer", nullable: false),
                    Tekst = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OpgeslagenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpgeslagenDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
