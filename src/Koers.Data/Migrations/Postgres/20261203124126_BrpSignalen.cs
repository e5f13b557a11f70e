using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InburgeraarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Soort = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Gemeentecode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Gemeentenaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Datum = table.Column<DateOnly>(type: "date", nullable: true),
                    GevondenOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AfgehandeldOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AfgehandeldDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
