using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ontzorgenbrief : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ontzorgenbrief",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Besluit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kenmerk = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sjabloonversie = table.Column<int>(type: "INTEGER", nullable: false),
                    Verzenddatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ontzorgenbrief", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ontzorgenbrief_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgenbrief_InburgeraarId",
                table: "ontzorgenbrief",
                column: "InburgeraarId");

            migrationBuilder.CreateIndex(
                name: "IX_ontzorgenbrief_Kenmerk",
                table: "ontzorgenbrief",
                column: "Kenmerk",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ontzorgenbrief");
        }
    }
}
