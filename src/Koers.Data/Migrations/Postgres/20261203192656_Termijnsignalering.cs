using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Koers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Termijnsignalering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "termijnsignalering",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GemeenteId = table.Column<int>(type: "integer", nullable: false),
                    Termijn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DagenVooraf = table.Column<int>(type: "integer", nullable: false),
                    GewijzigdOp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GewijzigdDoor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_termijnsignalering", x => x.Id);
                    table.ForeignKey(
                        name: "FK_termijnsignalering_gemeente_GemeenteId",
                        column: x => x.GemeenteId,
                        principalTable: "gemeente",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_termijnsignalering_GemeenteId_Termijn",
                table: "termijnsignalering",
                columns: new[] { "GemeenteId", "Termijn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "termijnsignalering");
        }
    }
}
