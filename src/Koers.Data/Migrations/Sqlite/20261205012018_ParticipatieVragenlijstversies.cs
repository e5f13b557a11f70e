using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateTable(
                name: "participatie_vragenlijstversie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GemeenteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nummer = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Vragen = table.Column<string>(type: "TEXT", nullable: false),
                    Wijziging = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VastgesteldOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VastgesteldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);
        }
    }
}
