package org.gridwork.shared.web;

import org.springframework.web.util.HtmlUtils;

/**
 * The one escaper of HTML written in Java (the row writers kept for speed: ResidentTableRows,
 * IssueListRows, TodayRow, DrilldownTable): every text and attribute value goes through
 * {@link #text}. Only {@code < > & " '} are replaced; Chinese and every other character stay as
 * they are (the page is UTF-8).
 */
public final class Html {

    private Html() {
    }

    /** Text for an element's content or a double-quoted attribute value; {@code null} is empty. */
    public static String text(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
