using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WelzijnScreeningVerwijzingStartklaar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "niet_startklaar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Redenen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Herbenaderdatum = table.Column<DateOnly>(type: "date", nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AfgehandeldOp = table.Column<DateOnly>(type: "date", nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_niet_startklaar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_niet_startklaar_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welzijn_instelling",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Redenen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HerbenaderWeken = table.Column<int>(type: "integer", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welzijn_instelling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welzijn_instelling_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "welzijnsscreening",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Moment = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VoortgangsgesprekId = table.Column<Guid>(type: "uuid", nullable: true),
                    Signaal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Ernst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Bron = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_welzijnsscreening", x => x.Id);
                    table.ForeignKey(
                        name: "FK_welzijnsscreening_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_welzijnsscreening_voortgangsgesprek_VoortgangsgesprekId",
                        column: x => x.VoortgangsgesprekId,
                        principalTable: "voortgangsgesprek",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "zorgverwijzing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreeningId = table.Column<Guid>(type: "uuid", nullable: true),
                    Naar = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Zorgaanbieder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AangemeldOp = table.Column<DateOnly>(type: "date", nullable: false),
                    ZorgGestartOp = table.Column<DateOnly>(type: "date", nullable: true),
                    BeeindigdOp = table.Column<DateOnly>(type: "date", nullable: true),
                    Reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Opvolgdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zorgverwijzing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_zorgverwijzing_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_zorgverwijzing_welzijnsscreening_ScreeningId",
                        column: x => x.ScreeningId,
                        principalTable: "welzijnsscreening",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_niet_startklaar_Herbenaderdatum",
                table: "niet_startklaar",
                column: "Herbenaderdatum");

            migrationBuilder.CreateIndex(
                name: "IX_niet_startklaar_InburgeraarId_AfgehandeldOp",
                table: "niet_startklaar",
                columns: new[] { "InburgeraarId", "AfgehandeldOp" });

            migrationBuilder.CreateIndex(
                name: "IX_welzijn_instelling_GemeenteId",
                table: "welzijn_instelling",
                column: "GemeenteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_welzijnsscreening_InburgeraarId_Datum",
                table: "welzijnsscreening",
                columns: new[] { "InburgeraarId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_welzijnsscreening_VoortgangsgesprekId",
                table: "welzijnsscreening",
                column: "VoortgangsgesprekId");

            migrationBuilder.CreateIndex(
                name: "IX_zorgverwijzing_InburgeraarId_Status",
                table: "zorgverwijzing",
                columns: new[] { "InburgeraarId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_zorgverwijzing_Opvolgdatum",
                table: "zorgverwijzing",
                column: "Opvolgdatum");

            migrationBuilder.CreateIndex(
                name: "IX_zorgverwijzing_ScreeningId",
                table: "zorgverwijzing",
                column: "ScreeningId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "niet_startklaar");

            migrationBuilder.DropTable(
                name: "welzijn_instelling");

            migrationBuilder.DropTable(
                name: "zorgverwijzing");

            migrationBuilder.DropTable(
                name: "welzijnsscreening");
        }
    }
}
