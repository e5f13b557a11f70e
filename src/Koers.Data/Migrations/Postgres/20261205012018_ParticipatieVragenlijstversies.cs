using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParticipatieVragenlijstversies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Waarde",
                table: "participatieantwoord",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateTable(
                name: "participatie_vragenlijstversie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Nummer = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Vragen = table.Column<string>(type: "text", nullable: false),
                    Wijziging = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    VastgesteldOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VastgesteldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participatie_vragenlijstversie", x => x.Id);
                    table.ForeignKey(
                        name: "FK_participatie_vragenlijstversie_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_participatie_vragenlijstversie_Code",
                table: "participatie_vragenlijstversie",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participatie_vragenlijstversie_GemeenteId_Nummer",
                table: "participatie_vragenlijstversie",
                columns: new[] { "GemeenteId", "Nummer" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "participatie_vragenlijstversie");

            migrationBuilder.AlterColumn<int>(
                name: "Waarde",
                table: "participatieantwoord",
                type: "integer",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);
        }
    }
}
