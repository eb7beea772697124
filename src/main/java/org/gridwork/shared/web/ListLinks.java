package org.gridwork.shared.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links of a list page that change one thing and keep the rest: sorting, paging and filter links
 * carry every other parameter of the current query. In templates:
 * {@code th:href="${listLinks.with('sort', 'name')}"}, {@code ${listLinks.with('page', 3)}},
 * {@code ${listLinks.without('node')}}. Changing anything but the position starts the list again
 * from its first page. Values are encoded here (a "+" in a search stays a "+"), and the link is
 * relative to this server (path and query, never the Host header).
 */
public final class ListLinks {

    /** Parameters that say where in a list one is; dropped when the list itself changes. */
    static final Set<String> POSITION = Set.of("page", "afterName", "afterId", "before");

    private final String path;
    private final String query;

    /** @param path the request's path (with the context path); @param query its raw query string, or null */
    public ListLinks(String path, String query) {
        this.path = path;
        this.query = query;
    }

    /** The current list with {@code name} set to {@code value} (null or blank removes it). */
    public String with(String name, Object value) {
        return link(Map.of(name, value == null ? "" : value.toString()), List.of());
    }

    /** The current list with two parameters set at once (a keyset position: afterName and afterId). */
    public String with(String name, Object value, String name2, Object value2) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(name, value == null ? "" : value.toString());
        changes.put(name2, value2 == null ? "" : value2.toString());
        return link(changes, List.of());
    }

    /** The current list without these parameters. */
    public String without(String... names) {
        return link(Map.of(), List.of(names));
    }

    private String link(Map<String, String> changes, List<String> removed) {
        return link(path, query, changes, removed);
    }

    static String link(String path, String query, Map<String, String> changes, List<String> removed) {
        boolean moving = changes.keySet().stream().allMatch(POSITION::contains) && removed.stream().allMatch(POSITION::contains);
        Map<String, List<String>> params = parse(query);
        params.keySet().removeAll(removed);
        if (!moving) {
            params.keySet().removeAll(POSITION);
        }
        changes.forEach((name, value) -> {
            if (value.isBlank()) {
                params.remove(name);
            } else {
                params.put(name, List.of(value)); // in its place when it was there
            }
        });
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
        return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
    }

    private static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!value.isEmpty()) { // an empty filter is no filter: links stay short
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a broken %-escape: keep it as typed
            return s;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
