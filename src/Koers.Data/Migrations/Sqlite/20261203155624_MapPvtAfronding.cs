using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MapPvtAfronding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "map_pvt_afronding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Onderdeel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Verwijtbaar = table.Column<bool>(type: "INTEGER", nullable: true),
                    Toelichting = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Door = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Op = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_map_pvt_afronding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_map_pvt_afronding_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_map_pvt_afronding_InburgeraarId_Onderdeel",
                table: "map_pvt_afronding",
                columns: new[] { "InburgeraarId", "Onderdeel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "map_pvt_afronding");
        }
    }
}
