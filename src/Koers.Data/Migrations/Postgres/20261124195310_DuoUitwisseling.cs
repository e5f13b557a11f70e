using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuoUitwisseling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "duo_notificatie",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BerichtId = table.Column<Guid>(type: "uuid", nullable: false),
                    GebeurtenisId = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RegistratieDatumTijd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    VNummer = table.Column<long>(type: "bigint", nullable: true),
                    Persoonssleutel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Afzender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OntvangenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Pogingen = table.Column<int>(type: "integer", nullable: false),
                    VolgendePogingOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LaatsteFout = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VerwerktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Resultaat = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: true),
                    AfgehandeldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duo_notificatie", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "duo_uitgaand_bericht",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Pad = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Methode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InhoudJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Omschrijving = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Pogingen = table.Column<int>(type: "integer", nullable: false),
                    VolgendePogingOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Antwoordcode = table.Column<int>(type: "integer", nullable: true),
                    Melding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VerzondenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duo_uitgaand_bericht", x => x.Id);
                    table.ForeignKey(
                        name: "FK_duo_uitgaand_bericht_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_BerichtId",
                table: "duo_notificatie",
                column: "BerichtId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_InburgeraarId",
                table: "duo_notificatie",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_duo_notificatie_Status_Persoonssleutel_RegistratieDatumTijd",
                table: "duo_notificatie",
                columns: new[] { "Status", "Persoonssleutel", "RegistratieDatumTijd" });

            migrationBuilder.CreateIndex(
                name: "IX_duo_uitgaand_bericht_InburgeraarId",
                table: "duo_uitgaand_bericht",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_duo_uitgaand_bericht_Status_AangemaaktOp",
                table: "duo_uitgaand_bericht",
                columns: new[] { "Status", "AangemaaktOp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "duo_notificatie");

            migrationBuilder.DropTable(
                name: "duo_uitgaand_bericht");
        }
    }
}
