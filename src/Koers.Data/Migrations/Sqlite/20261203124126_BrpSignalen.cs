using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BrpSignalen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brp_signaal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Soort = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Gemeentecode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Gemeentenaam = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GevondenOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AfgehandeldOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AfgehandeldDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brp_signaal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_brp_signaal_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_brp_signaal_InburgeraarId_AfgehandeldOp",
                table: "brp_signaal",
                columns: new[] { "InburgeraarId", "AfgehandeldOp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "brp_signaal");
        }
    }
}
