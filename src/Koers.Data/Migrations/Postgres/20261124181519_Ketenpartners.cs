using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ketenpartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartnerorganisatieId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partnerorganisatie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegioId = table.Column<int>(type: "integer", nullable: false),
                    Contactpersoon = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Telefoon = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Capaciteit = table.Column<int>(type: "integer", nullable: true),
                    Actief = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partnerorganisatie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_partnerorganisatie_regio_RegioId",
                        column: x => x.RegioId,
                        principalTable: "regio",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "examenresultaat",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Onderdeel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Niveau = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Behaald = table.Column<bool>(type: "boolean", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Bron = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExternKenmerk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: true),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_examenresultaat", x => x.Id);
                    table.ForeignKey(
                        name: "FK_examenresultaat_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_examenresultaat_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "machtiging",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: false),
                    Categorieen = table.Column<int>(type: "integer", nullable: false),
                    Van = table.Column<DateOnly>(type: "date", nullable: false),
                    Tot = table.Column<DateOnly>(type: "date", nullable: true),
                    Vorm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IngetrokkenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IngetrokkenDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RedenIntrekking = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_machtiging", x => x.Id);
                    table.ForeignKey(
                        name: "FK_machtiging_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_machtiging_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "urenregistratie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerorganisatieId = table.Column<int>(type: "integer", nullable: true),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Week = table.Column<DateOnly>(type: "date", nullable: false),
                    Uren = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    AfwezigUren = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    AfwezigGemeld = table.Column<bool>(type: "boolean", nullable: false),
                    Bron = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VastgelegdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgelegdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urenregistratie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_urenregistratie_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_urenregistratie_partnerorganisatie_PartnerorganisatieId",
                        column: x => x.PartnerorganisatieId,
                        principalTable: "partnerorganisatie",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartnerorganisatieId",
                table: "AspNetUsers",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_examenresultaat_Bron_ExternKenmerk",
                table: "examenresultaat",
                columns: new[] { "Bron", "ExternKenmerk" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_examenresultaat_InburgeraarId",
                table: "examenresultaat",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_examenresultaat_PartnerorganisatieId",
                table: "examenresultaat",
                column: "PartnerorganisatieId");

            migrationBuilder.CreateIndex(
                name: "IX_machtiging_InburgeraarId",
                table: "machtiging",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_machtiging_PartnerorganisatieId_InburgeraarId",
                table: "machtiging",
                columns: new[] { "PartnerorganisatieId", "InburgeraarId" });

            migrationBuilder.CreateIndex(
                name: "IX_partnerorganisatie_RegioId",
                table: "partnerorganisatie",
                column: "RegioId");

            migrationBuilder.CreateIndex(
                name: "IX_urenregistratie_InburgeraarId_PartnerorganisatieId_Soort_We~",
                table: "urenregistratie",
                columns: new[] { "InburgeraarId", "PartnerorganisatieId", "Soort", "Week" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_urenregistratie_PartnerorganisatieId",
                table: "urenregistratie",
                column: "PartnerorganisatieId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_partnerorganisatie_PartnerorganisatieId",
                table: "AspNetUsers",
                column: "PartnerorganisatieId",
                principalTable: "partnerorganisatie",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_partnerorganisatie_PartnerorganisatieId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "examenresultaat");

            migrationBuilder.DropTable(
                name: "machtiging");

            migrationBuilder.DropTable(
                name: "urenregistratie");

            migrationBuilder.DropTable(
                name: "partnerorganisatie");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartnerorganisatieId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartnerorganisatieId",
                table: "AspNetUsers");
        }
    }
}
