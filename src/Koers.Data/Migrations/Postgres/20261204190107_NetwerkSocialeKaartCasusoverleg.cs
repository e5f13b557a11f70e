using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NetwerkSocialeKaartCasusoverleg : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "casusoverleg",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Onderwerp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Aanvang = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Locatie = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casusoverleg", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casusoverleg_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sociale_kaart_item",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Adres = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Plaats = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Talen = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Notities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Actief = table.Column<bool>(type: "boolean", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sociale_kaart_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sociale_kaart_item_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casusbespreking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusoverlegId = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Verslag = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casusbespreking", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casusbespreking_casusoverleg_CasusoverlegId",
                        column: x => x.CasusoverlegId,
                        principalTable: "casusoverleg",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_casusbespreking_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casusoverleg_deelnemer",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CasusoverlegId = table.Column<Guid>(type: "uuid", nullable: false),
                    MedewerkerId = table.Column<int>(type: "integer", nullable: true),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casusoverleg_deelnemer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casusoverleg_deelnemer_casusoverleg_CasusoverlegId",
                        column: x => x.CasusoverlegId,
                        principalTable: "casusoverleg",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_casusoverleg_deelnemer_medewerker_MedewerkerId",
                        column: x => x.MedewerkerId,
                        principalTable: "medewerker",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_casusoverleg_deelnemer_partnerorganisatie_Partnerorganisati~",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "sociale_kaart_koppeling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    KaartitemId = table.Column<int>(type: "integer", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sociale_kaart_koppeling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sociale_kaart_koppeling_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sociale_kaart_koppeling_sociale_kaart_item_KaartitemId",
                        column: x => x.KaartitemId,
                        principalTable: "sociale_kaart_item",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "casusoverleg_actie",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CasusbesprekingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tekst = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EigenaarId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    GedaanOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GedaanDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_casusoverleg_actie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_casusoverleg_actie_casusbespreking_CasusbesprekingId",
                        column: x => x.CasusbesprekingId,
                        principalTable: "casusbespreking",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_casusoverleg_actie_medewerker_EigenaarId",
                        column: x => x.EigenaarId,
                        principalTable: "medewerker",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_casusbespreking_CasusoverlegId_InburgeraarId",
                table: "casusbespreking",
                columns: new[] { "CasusoverlegId", "InburgeraarId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_casusbespreking_InburgeraarId",
                table: "casusbespreking",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_casusoverleg_GemeenteId_Datum",
                table: "casusoverleg",
                columns: new[] { "GemeenteId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_casusoverleg_actie_CasusbesprekingId",
                table: "casusoverleg_actie",
                column: "CasusbesprekingId");

            migrationBuilder.CreateIndex(
                name: "IX_casusoverleg_actie_EigenaarId_GedaanOp",
                table: "casusoverleg_actie",
                columns: new[] { "EigenaarId", "GedaanOp" });

            migrationBuilder.CreateIndex(
                name: "IX_casusoverleg_deelnemer_CasusoverlegId",
                table: "casusoverleg_deelnemer",
                column: "CasusoverlegId");

            migrationBuilder.CreateIndex(
                name: "IX_casusoverleg_deelnemer_MedewerkerId",
                table: "casusoverleg_deelnemer",
                column: "MedewerkerId");

            migrationBuilder.CreateIndex(
                name: "IX_casusoverleg_deelnemer_PartnerorganisatieId",
                table: "casusoverleg_deelnemer",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_sociale_kaart_item_GemeenteId_Naam",
                table: "sociale_kaart_item",
                columns: new[] { "GemeenteId", "Naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sociale_kaart_koppeling_InburgeraarId",
                table: "sociale_kaart_koppeling",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_sociale_kaart_koppeling_KaartitemId",
                table: "sociale_kaart_koppeling",
                column: "KaartitemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "casusoverleg_actie");

            migrationBuilder.DropTable(
                name: "casusoverleg_deelnemer");

            migrationBuilder.DropTable(
                name: "sociale_kaart_koppeling");

            migrationBuilder.DropTable(
                name: "casusbespreking");

            migrationBuilder.DropTable(
                name: "sociale_kaart_item");

            migrationBuilder.DropTable(
                name: "casusoverleg");
        }
    }
}
