package org.gridwork.dashboard.web;

import java.util.Locale;

import org.gridwork.dashboard.FigureValues;
import org.gridwork.shared.dashboard.Figure;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A figure as the dashboard shows it: a count, a rate with one decimal and "%", hours with one
 * decimal. Used from the template as {@code @figureFormat}; a template fragment inserted into
 * each of a county's hundred table cells cost half the page's time.
 */
@Component("figureFormat")
class FigureFormat {

    private final MessageSource messages;

    FigureFormat(MessageSource messages) {
        this.messages = messages;
    }

    public String format(FigureValues values, Figure figure) {
        Double v = values.value(figure);
        Locale locale = LocaleContextHolder.getLocale();
        if (v == null) {
            return messages.getMessage("dashboard.none", null, locale);
        }
        return switch (figure.kind()) {
            case COUNT -> Long.toString(Math.round(v));
            case RATE -> String.format(Locale.ROOT, "%.1f%%", v);
            default -> messages.getMessage("dashboard.hours", new Object[] {String.format(Locale.ROOT, "%.1f", v)}, locale);
        };
    }
}
