using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VoorlopigPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "VoorlopigPlan",
                table: "gemeente",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "voorlopig_plan",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InhoudJson = table.Column<string>(type: "TEXT", nullable: false),
                    OpgesteldOp = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OvergenomenOp = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voorlopig_plan", x => x.InburgeraarId);
                    table.ForeignKey(
                        name: "FK_voorlopig_plan_inburgeraar_InburgeraarId",
                        column: x => x.InburgeraarId,
                        principalTable: "inburgeraar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voorlopig_plan");

            migrationBuilder.DropColumn(
                name: "VoorlopigPlan",
                table: "gemeente");
        }
    }
}
