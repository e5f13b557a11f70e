using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobcoachGebruiker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "JobcoachGebruikerId",
                table: "plaatsing",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_plaatsing_JobcoachGebruikerId",
                table: "plaatsing",
                column: "JobcoachGebruikerId");

            migrationBuilder.AddForeignKey(
                name: "FK_plaatsing_AspNetUsers_JobcoachGebruikerId",
                table: "plaatsing",
                column: "JobcoachGebruikerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_plaatsing_AspNetUsers_JobcoachGebruikerId",
                table: "plaatsing");

            migrationBuilder.DropIndex(
                name: "IX_plaatsing_JobcoachGebruikerId",
                table: "plaatsing");

            migrationBuilder.DropColumn(
                name: "JobcoachGebruikerId",
                table: "plaatsing");
        }
    }
}
