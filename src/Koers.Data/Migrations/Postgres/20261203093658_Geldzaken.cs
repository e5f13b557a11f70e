using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Geldzaken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "geldzaak",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    HuisvestingOp = table.Column<DateOnly>(type: "date", nullable: true),
                    KredietAangevraagdOp = table.Column<DateOnly>(type: "date", nullable: true),
                    KredietToegekendOp = table.Column<DateOnly>(type: "date", nullable: true),
                    KredietToegekendBedrag = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    KredietUitbetaaldOp = table.Column<DateOnly>(type: "date", nullable: true),
                    KredietUitbetaaldBedrag = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    KredietNotitie = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NettoBijstandPerMaand = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_geldzaak", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_geldzaak_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "geldzaken_instellingen",
                columns: table => new
                {
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    InrichtingskredietTermijnDagen = table.Column<int>(type: "integer", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_geldzaken_instellingen", x => x.GemeenteId);
                    table.ForeignKey(
                        name: "FK_geldzaken_instellingen_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_geldzaak_KredietUitbetaaldOp_HuisvestingOp",
                table: "geldzaak",
                columns: new[] { "KredietUitbetaaldOp", "HuisvestingOp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "geldzaak");

            migrationBuilder.DropTable(
                name: "geldzaken_instellingen");
        }
    }
}
