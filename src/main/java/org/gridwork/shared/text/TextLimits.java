package org.gridwork.shared.text;

import org.gridwork.shared.BusinessRuleException;

/**
 * The service-side form of {@link TextLimit}, for texts that come without a form object (a reason
 * sent with a button, a cell of an imported sheet): the same count and the same message.
 */
public final class TextLimits {

    /**
     * Message key of a refused text; arguments ({@link #args}): the limit, then the length given, as
     * text, so that they survive being stored (an import's preview keeps its problems as JSON) and
     * are never written with a thousands separator.
     */
    public static final String TOO_LONG = "shared.text.tooLongArgs";

    private TextLimits() {
    }

    /** Characters as PostgreSQL counts them in a {@code varchar(n)}: code points; null counts 0. */
    public static int length(CharSequence text) {
        return text == null ? 0 : Character.codePointCount(text, 0, text.length());
    }

    /** Whether the text fits in {@code max} characters. */
    public static boolean fits(CharSequence text, int max) {
        return length(text) <= max;
    }

    /** The arguments of {@link #TOO_LONG}. */
    public static Object[] args(int max, int given) {
        return new Object[] {String.valueOf(max), String.valueOf(given)};
    }

    /** Refuses a text longer than {@code max} characters with the message that states both numbers. */
    public static void require(CharSequence text, int max) {
        int given = length(text);
        if (given > max) {
            throw new BusinessRuleException(TOO_LONG, args(max, given));
        }
    }
}
