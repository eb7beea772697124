package org.gridwork.resident.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridwork.resident.ResidentSummary;
import org.gridwork.resident.TagSummary;
import org.springframework.context.MessageSource;
import org.gridwork.shared.web.Html;

/**
 * The resident list's table rows, written here rather than by template expressions: 25 rows of
 * ten expressions each were most of a search's time at county scale (compare the dashboard's
 * DrilldownTable). Every text is HTML-escaped; the markup is what the template had.
 */
final class ResidentTableRows {

    private ResidentTableRows() {
    }

    static String html(List<ResidentSummary> residents, Map<Long, String> gridNames, Map<String, TagSummary> tags,
            MessageSource messages, Locale locale, String contextPath, java.time.LocalDate today) {
        StringBuilder html = new StringBuilder(residents.size() * 900);
        for (ResidentSummary r : residents) {
            String href = contextPath + "/residents/" + r.id();
            String masked = Html.text(r.idNumberMasked());
            html.append("<tr data-href=\"").append(href).append("\" class=\"resident-row\">")
                    .append("<td><a href=\"").append(href).append("\">").append(Html.text(r.name())).append("</a>")
                    .append("<div class=\"small text-muted d-md-none\">").append(masked).append("</div></td>")
                    .append("<td class=\"d-none d-md-table-cell\"><code>").append(masked).append("</code></td>")
                    .append("<td class=\"d-none d-sm-table-cell\">")
                    .append(Html.text(messages.getMessage("resident.ageGender." + r.gender(), new Object[] {r.age(today)}, locale)))
                    .append("</td><td class=\"d-none d-lg-table-cell small\">")
                    .append(Html.text(gridNames.getOrDefault(r.gridId(), ""))).append("</td><td>");
            for (String code : r.tags()) {
                TagSummary tag = tags.get(code);
                html.append("<span class=\"badge text-bg-light border me-1\">")
                        .append(Html.text(tag != null ? tag.name(locale) : code)).append("</span>");
            }
            html.append("</td><td class=\"d-none d-md-table-cell\">")
                    .append(Html.text(messages.getMessage("resident.status." + r.status(), null, locale)))
                    .append("</td></tr>\n");
        }
        return html.toString();
    }
}
