package org.gridwork.shared.web;

import java.util.Collection;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders a flash message (a key and its arguments) in the user's language. The layout calls it
 * as {@code ${@flashMessages.text(success, successArgs)}}.
 *
 * <p>Why not {@code #{${success}(${successArgs})}}: Thymeleaf hands an {@code Object[]} to the
 * message as ONE argument, so "{0}" became "[Ljava.lang.Object;@…" and "{1}" stayed as it was.
 * Controllers pass nothing, one value, an array or a list; all are spread here, in one place.
 */
@Component("flashMessages")
public class FlashMessages {

    private final MessageSource messages;

    FlashMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object args) {
        return text(key, args, LocaleContextHolder.getLocale());
    }

    public String text(String key, Object args, Locale locale) {
        if (key == null) {
            return "";
        }
        return messages.getMessage(key, spread(args), "??" + key + "??", locale);
    }

    static Object[] spread(Object args) {
        if (args == null) {
            return new Object[0];
        }
        if (args instanceof Object[] array) {
            return array;
        }
        if (args instanceof Collection<?> list) {
            return list.toArray();
        }
        return new Object[] {args};
    }
}
