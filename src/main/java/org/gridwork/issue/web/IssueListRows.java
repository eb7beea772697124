package org.gridwork.issue.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridwork.issue.IssueRow;
import org.gridwork.issue.Urgency;
import org.springframework.context.MessageSource;
import org.gridwork.shared.web.Html;

/**
 * The issue list's lines, written here rather than by template expressions: 25 lines of a dozen
 * expressions each were half of a list's time at county scale (compare the resident list's
 * ResidentTableRows). Every text is HTML-escaped; the markup is what the template had.
 */
final class IssueListRows {

    private static final DateTimeFormatter REPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private IssueListRows() {
    }

    static String html(List<IssueRow> rows, Map<Long, String> categoryNames, MessageSource messages, Locale locale,
            ZoneId zone, String contextPath) {
        String overdue = Html.text(messages.getMessage("issue.overdue", null, locale));
        String urgent = Html.text(messages.getMessage("issue.urgency.URGENT", null, locale));
        String deadline = Html.text(messages.getMessage("issue.field.deadline", null, locale));
        String unplaced = Html.text(messages.getMessage("issue.unplaced.badge", null, locale));
        StringBuilder html = new StringBuilder(rows.size() * 800);
        for (IssueRow r : rows) {
            html.append("<a class=\"list-group-item list-group-item-action issue-row\" href=\"").append(contextPath)
                    .append("/issues/").append(r.id()).append("\" id=\"issue-row-").append(r.id()).append("\">")
                    .append("<div class=\"d-flex justify-content-between gap-2\"><span class=\"fw-semibold\">#")
                    .append(r.id()).append(' ').append(Html.text(categoryNames.getOrDefault(r.categoryId(), "")))
                    .append("</span><span>");
            if (r.overdue()) {
                html.append("<span class=\"badge bg-danger\">").append(overdue).append("</span> ");
            }
            if (r.urgency() == Urgency.URGENT) {
                html.append("<span class=\"badge bg-warning text-dark\">").append(urgent).append("</span> ");
            }
            html.append("<span class=\"badge bg-secondary issue-status\">")
                    .append(Html.text(messages.getMessage("issue.status." + r.status(), null, locale)))
                    .append("</span></span></div><div class=\"small\">").append(Html.text(r.description()))
                    .append("</div><div class=\"small text-muted\"><span>")
                    .append(r.gridCode() == null ? "<span class=\"badge bg-info text-dark issue-unplaced\">" + unplaced + "</span>"
                            : Html.text(r.gridCode()))
                    .append("</span> · <span>").append(REPORTED.format(r.reportedAt().atZone(zone))).append("</span>");
            if (r.deadline() != null) {
                html.append(" <span>· ").append(deadline).append(' ')
                        .append(DEADLINE.format(r.deadline().atZone(zone))).append("</span>");
            }
            html.append("</div></a>\n");
        }
        return html.toString();
    }
}
