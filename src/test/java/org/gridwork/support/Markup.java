package org.gridwork.support;

import static org.assertj.core.api.Assertions.assertThat;

/** A name with markup in it, as an attacker would register it, and the check that a page shows it as text. */
public final class Markup {

    public static final String NAME = "<b>粗</b>\"><img src=x onerror=alert(1)>";

    /** How {@link #NAME} reads in HTML once escaped (Chinese untouched). */
    public static final String ESCAPED = "&lt;b&gt;粗&lt;/b&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

    private Markup() {
    }

    public static void assertShownAsText(String html) {
        assertThat(html).contains(ESCAPED).doesNotContain("<img").doesNotContain("<b>");
    }
}
