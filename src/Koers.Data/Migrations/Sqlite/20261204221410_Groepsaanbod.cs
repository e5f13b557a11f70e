using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Groepsaanbod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groepsaanbod",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Naam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OrganisatorMedewerkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisatorPartnerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Locatie = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capaciteit = table.Column<int>(type: "INTEGER", nullable: false),
                    Omschrijving = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groepsaanbod", x => x.Id);
                    table.ForeignKey(
                        name: "FK_groepsaanbod_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_groepsaanbod_medewerker_OrganisatorMedewerkerId",
                        column: x => x.OrganisatorMedewerkerId,
                        principalTable: "medewerker",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_groepsaanbod_partnerorganisatie_OrganisatorPartnerId",
                        column: x => x.OrganisatorPartnerId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "groepsbijeenkomst",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroepsaanbodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Aanvang = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Einde = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Locatie = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groepsbijeenkomst", x => x.Id);
                    table.ForeignKey(
                        name: "FK_groepsbijeenkomst_groepsaanbod_GroepsaanbodId",
                        column: x => x.GroepsaanbodId,
                        principalTable: "groepsaanbod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "groepsdeelname",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroepsaanbodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IngeschrevenOp = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UitgeschrevenOp = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Uitschrijfreden = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groepsdeelname", x => x.Id);
                    table.ForeignKey(
                        name: "FK_groepsdeelname_groepsaanbod_GroepsaanbodId",
                        column: x => x.GroepsaanbodId,
                        principalTable: "groepsaanbod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_groepsdeelname_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "groepsaanwezigheid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroepsbijeenkomstId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroepsdeelnameId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groepsaanwezigheid", x => x.Id);
                    table.ForeignKey(
                        name: "FK_groepsaanwezigheid_groepsbijeenkomst_GroepsbijeenkomstId",
                        column: x => x.GroepsbijeenkomstId,
                        principalTable: "groepsbijeenkomst",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_groepsaanwezigheid_groepsdeelname_GroepsdeelnameId",
                        column: x => x.GroepsdeelnameId,
                        principalTable: "groepsdeelname",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_groepsaanbod_GemeenteId_Naam",
                table: "groepsaanbod",
                columns: new[] { "GemeenteId", "Naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_groepsaanbod_OrganisatorMedewerkerId",
                table: "groepsaanbod",
                column: "OrganisatorMedewerkerId");

            migrationBuilder.CreateIndex(
                name: "IX_groepsaanbod_OrganisatorPartnerId",
                table: "groepsaanbod",
                column: "OrganisatorPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_groepsaanwezigheid_GroepsbijeenkomstId_GroepsdeelnameId",
                table: "groepsaanwezigheid",
                columns: new[] { "GroepsbijeenkomstId", "GroepsdeelnameId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_groepsaanwezigheid_GroepsdeelnameId",
                table: "groepsaanwezigheid",
                column: "GroepsdeelnameId");

            migrationBuilder.CreateIndex(
                name: "IX_groepsbijeenkomst_GroepsaanbodId_Datum",
                table: "groepsbijeenkomst",
                columns: new[] { "GroepsaanbodId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_groepsdeelname_GroepsaanbodId_InburgeraarId",
                table: "groepsdeelname",
                columns: new[] { "GroepsaanbodId", "InburgeraarId" });

            migrationBuilder.CreateIndex(
                name: "IX_groepsdeelname_InburgeraarId",
                table: "groepsdeelname",
                column: "InburgeraarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "groepsaanwezigheid");

            migrationBuilder.DropTable(
                name: "groepsbijeenkomst");

            migrationBuilder.DropTable(
                name: "groepsdeelname");

            migrationBuilder.DropTable(
                name: "groepsaanbod");
        }
    }
}
