package org.gridwork.issue.open311;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes GeoReport v2 documents. The body is built once as lists and maps (field order kept) and
 * written as JSON or XML; in XML a list becomes its element with one child per entry, named as the
 * specification names them (services/service, service_requests/request, errors/error...).
 */
final class Open311Writer {

    private Open311Writer() {
    }

    static String json(ObjectMapper mapper, Object body) {
        return mapper.writeValueAsString(plain(body));
    }

    static String xml(String root, String item, Object body) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        if (body instanceof Collection<?> list) {
            out.append('<').append(root).append('>');
            for (Object o : list) {
                element(out, item, o);
            }
            out.append("</").append(root).append('>');
        } else {
            element(out, root, body);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                element(out, e.getKey(), e.getValue());
            }
        } else if (value instanceof ListOf l) {
            for (Object o : l.items()) {
                element(out, l.itemName(), o);
            }
        } else {
            escape(out, String.valueOf(value));
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** A nested list (endpoints, formats, attributes): a JSON array, in XML children named {@code itemName}. */
    record ListOf(String itemName, List<?> items) {
    }

    /** Replaces the XML-only wrappers by plain lists for JSON. */
    @SuppressWarnings("unchecked")
    private static Object plain(Object value) {
        if (value instanceof ListOf l) {
            return l.items().stream().map(Open311Writer::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Open311Writer::plain).toList();
        }
        return value;
    }
}
