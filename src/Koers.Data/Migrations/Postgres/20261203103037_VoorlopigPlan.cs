using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "voorlopig_plan",
                columns: table => new
                {
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    InhoudJson = table.Column<string>(type: "text", nullable: false),
                    OpgesteldOp = table.Column<DateOnly>(type: "date", nullable: false),
                    OvergenomenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
