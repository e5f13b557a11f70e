using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WerkPlaatsingenUitstroom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "uitstroom",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_uitstroom", x => x.Id);
                    table.ForeignKey(
                        name: "FK_uitstroom_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "werkgever",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Aanbod = table.Column<int>(type: "integer", nullable: false),
                    Capaciteit = table.Column<int>(type: "integer", nullable: true),
                    Taaleis = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Contactpersoon = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Telefoon = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Actief = table.Column<bool>(type: "boolean", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_werkgever", x => x.Id);
                    table.ForeignKey(
                        name: "FK_werkgever_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plaatsing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    WerkgeverId = table.Column<Guid>(type: "uuid", nullable: true),
                    InternAfdeling = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Startbaan = table.Column<bool>(type: "boolean", nullable: false),
                    Subsidie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubsidieBedrag = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    Einde = table.Column<DateOnly>(type: "date", nullable: true),
                    UrenPerWeek = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Jobcoach = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    BeeindigdOp = table.Column<DateOnly>(type: "date", nullable: true),
                    Reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plaatsing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plaatsing_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plaatsing_werkgever_WerkgeverId",
                        column: x => x.WerkgeverId,
                        principalTable: "werkgever",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "werkgeverervaring",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WerkgeverId = table.Column<Guid>(type: "uuid", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Tekst = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_werkgeverervaring", x => x.Id);
                    table.ForeignKey(
                        name: "FK_werkgeverervaring_werkgever_WerkgeverId",
                        column: x => x.WerkgeverId,
                        principalTable: "werkgever",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plaatsingsevaluatie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlaatsingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Tekst = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plaatsingsevaluatie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plaatsingsevaluatie_plaatsing_PlaatsingId",
                        column: x => x.PlaatsingId,
                        principalTable: "plaatsing",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plaatsing_InburgeraarId",
                table: "plaatsing",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_plaatsing_Jobcoach",
                table: "plaatsing",
                column: "Jobcoach");

            migrationBuilder.CreateIndex(
                name: "IX_plaatsing_WerkgeverId",
                table: "plaatsing",
                column: "WerkgeverId");

            migrationBuilder.CreateIndex(
                name: "IX_plaatsingsevaluatie_PlaatsingId_Datum",
                table: "plaatsingsevaluatie",
                columns: new[] { "PlaatsingId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_uitstroom_Datum",
                table: "uitstroom",
                column: "Datum");

            migrationBuilder.CreateIndex(
                name: "IX_uitstroom_InburgeraarId",
                table: "uitstroom",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_werkgever_GemeenteId_Naam",
                table: "werkgever",
                columns: new[] { "GemeenteId", "Naam" });

            migrationBuilder.CreateIndex(
                name: "IX_werkgeverervaring_WerkgeverId",
                table: "werkgeverervaring",
                column: "WerkgeverId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plaatsingsevaluatie");

            migrationBuilder.DropTable(
                name: "uitstroom");

            migrationBuilder.DropTable(
                name: "werkgeverervaring");

            migrationBuilder.DropTable(
                name: "plaatsing");

            migrationBuilder.DropTable(
                name: "werkgever");
        }
    }
}
