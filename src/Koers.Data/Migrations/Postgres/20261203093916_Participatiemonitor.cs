using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participatiemonitor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ladderscore",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    VoortgangsgesprekId = table.Column<Guid>(type: "uuid", nullable: true),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Trede = table.Column<int>(type: "integer", nullable: false),
                    TredeNaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ladderscore", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ladderscore_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ladderscore_voortgangsgesprek_VoortgangsgesprekId",
                        column: x => x.VoortgangsgesprekId,
                        principalTable: "voortgangsgesprek",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "participatie_instelling",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Anker = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Maanden = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UitgezetteVragen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Ladder = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participatie_instelling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participatie_instelling_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participatiemeting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Maanden = table.Column<int>(type: "integer", nullable: false),
                    Versie = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Invulwijze = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Taal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participatiemeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participatiemeting_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participatieantwoord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipatiemetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    VraagCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Waarde = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participatieantwoord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participatieantwoord_participatiemeting_ParticipatiemetingId",
                        column: x => x.ParticipatiemetingId,
                        principalTable: "participatiemeting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ladderscore_InburgeraarId_Datum",
                table: "ladderscore",
                columns: new[] { "InburgeraarId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_ladderscore_VoortgangsgesprekId",
                table: "ladderscore",
                column: "VoortgangsgesprekId");

            migrationBuilder.CreateIndex(
                name: "IX_participatie_instelling_GemeenteId",
                table: "participatie_instelling",
                column: "GemeenteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participatieantwoord_ParticipatiemetingId_VraagCode",
                table: "participatieantwoord",
                columns: new[] { "ParticipatiemetingId", "VraagCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participatiemeting_InburgeraarId_Maanden",
                table: "participatiemeting",
                columns: new[] { "InburgeraarId", "Maanden" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ladderscore");

            migrationBuilder.DropTable(
                name: "participatie_instelling");

            migrationBuilder.DropTable(
                name: "participatieantwoord");

            migrationBuilder.DropTable(
                name: "participatiemeting");
        }
    }
}
