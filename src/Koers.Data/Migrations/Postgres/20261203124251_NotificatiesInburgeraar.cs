using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificatiesInburgeraar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Locatie",
                table: "voortgangsgesprek",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Tijd",
                table: "voortgangsgesprek",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Volgnummer",
                table: "voortgangsgesprek",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PortaalTaal",
                table: "inburgeraar",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "VanKlantregisseur",
                table: "bericht",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "berichttoestemming",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kanaal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Aan = table.Column<bool>(type: "boolean", nullable: false),
                    Op = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Toelichting = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_berichttoestemming", x => x.Id);
                    table.ForeignKey(
                        name: "FK_berichttoestemming_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notificatie",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sleutel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Kanaal = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Taal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Aan = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Onderwerp = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Tekst = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Ics = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    IcsMethode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Pogingen = table.Column<int>(type: "integer", nullable: false),
                    VolgendePogingOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BezigSinds = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Melding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AangemaaktOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VerzondenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notificatie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notificatie_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_berichttoestemming_InburgeraarId_Kanaal_Id",
                table: "berichttoestemming",
                columns: new[] { "InburgeraarId", "Kanaal", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notificatie_InburgeraarId",
                table: "notificatie",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_notificatie_Sleutel",
                table: "notificatie",
                column: "Sleutel",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notificatie_Status_AangemaaktOp",
                table: "notificatie",
                columns: new[] { "Status", "AangemaaktOp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "berichttoestemming");

            migrationBuilder.DropTable(
                name: "notificatie");

            migrationBuilder.DropColumn(
                name: "Locatie",
                table: "voortgangsgesprek");

            migrationBuilder.DropColumn(
                name: "Tijd",
                table: "voortgangsgesprek");

            migrationBuilder.DropColumn(
                name: "Volgnummer",
                table: "voortgangsgesprek");

            migrationBuilder.DropColumn(
                name: "PortaalTaal",
                table: "inburgeraar");

            migrationBuilder.DropColumn(
                name: "VanKlantregisseur",
                table: "bericht");
        }
    }
}
