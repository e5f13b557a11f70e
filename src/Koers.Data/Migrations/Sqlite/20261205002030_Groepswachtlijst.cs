using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Groepswachtlijst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "groepswachtplaats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroepsaanbodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sinds = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Volgnummer = table.Column<int>(type: "INTEGER", nullable: false),
                    AangemaaktOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AangemaaktDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groepswachtplaats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_groepswachtplaats_groepsaanbod_GroepsaanbodId",
                        column: x => x.GroepsaanbodId,
                        principalTable: "groepsaanbod",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_groepswachtplaats_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_groepswachtplaats_GroepsaanbodId_InburgeraarId",
                table: "groepswachtplaats",
                columns: new[] { "GroepsaanbodId", "InburgeraarId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_groepswachtplaats_InburgeraarId",
                table: "groepswachtplaats",
                column: "InburgeraarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "groepswachtplaats");
        }
    }
}
