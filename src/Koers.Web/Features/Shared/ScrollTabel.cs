using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Koers.Web.Features.Shared;

/// <summary>
/// Every table on a page sits in its own sideways-scrolling box, so at 320 CSS px (WCAG 1.4.10 reflow, 400% zoom)
/// the page itself never scrolls sideways; a wide table scrolls inside the box. The box takes keyboard focus
/// (WCAG 2.1.1: a keyboard user must be able to scroll it) and is a named region, named after the table (its
/// aria-labelledby, aria-label or caption), so a screen reader says what the focus landed on. Done here once rather
/// than in 26 views, and without script.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class ScrollTabelTagHelper : TagHelper
{
    // After the framework's tag helpers, so the table is complete when it is wrapped.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var labelledBy = output.Attributes["aria-labelledby"]?.Value?.ToString();
        var naam = output.Attributes["aria-label"]?.Value?.ToString();
        if (labelledBy is null && naam is null)
        {
            var inhoud = (await output.GetChildContentAsync()).GetContent();
            if (Bijschrift().Match(inhoud) is { Success: true } m)
            {
                naam = WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, " ")).Trim();
                naam = Witruimte().Replace(naam, " ");
            }
        }

        var label = labelledBy is not null
            ? $"aria-labelledby=\"{WebUtility.HtmlEncode(labelledBy)}\""
            : $"aria-label=\"{WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(naam) ? "Tabel" : naam)}\"";
        output.PreElement.AppendHtml($"<div class=\"koers-scroll\" tabindex=\"0\" role=\"region\" {label}>");
        output.PostElement.AppendHtml("</div>");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Bijschrift();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Witruimte();
}
