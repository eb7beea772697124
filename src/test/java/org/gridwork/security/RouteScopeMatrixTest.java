package org.gridwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The scope matrix of issue 7: for every route that takes an id, a grid staff member outside the
 * record's scope gets 404 (or, for routes their role may not use at all, 403 whatever the id), and
 * never an answer that differs between "exists elsewhere" and "does not exist".
 *
 * Routes are discovered from the running app, so routes that other modules add are covered once
 * merged. Each path variable is filled by convention: the table named after the variable
 * ({@code residentId} -> {@code resident}) or after the path segment before it
 * ({@code /issues/{id}} -> {@code issue}); when that table has a {@code grid_id} (or is
 * {@code grid}) the test takes a row in a grid the user does not have. {@link #FILLERS} takes an
 * explicit query where the convention does not fit. Routes it cannot fill with an out-of-scope
 * record are still checked with a non-existent id and listed in target/route-scope-matrix.txt.
 */
@IntegrationTest
class RouteScopeMatrixTest {

    static final String USER = "staff";
    static final String MISSING_ID = "987654321";
    static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)(?::[^}]*)?}");

    /** variable name (or "segment/variable") -> SQL answering one out-of-scope value; ? is the user id. */
    static final Map<String, String> FILLERS = Map.of(
            "grids/id", "select id::text from grid where id not in (select grid_id from grid_staff where user_id = ?) order by id limit 1",
            // a campaign none of whose targets lies in the user's grids, and a target outside them
            "campaigns/id", """
                    select c.id::text from campaign c where not exists (select 1 from campaign_target t
                    where t.campaign_id = c.id and t.grid_id in (select grid_id from grid_staff where user_id = ?)) order by c.id limit 1""",
            "targets/targetId", "select id::text from campaign_target where grid_id not in (select grid_id from grid_staff where user_id = ?) order by id limit 1");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    /** A grid staff member, so that a dispatch gets past the assignee check to the scope. */
    private String assignee;

    @Test
    void everyRouteWithAnIdAnswers404OutsideTheUsersScope() throws Exception {
        UserDetails staff = users.loadUserByUsername(USER);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities());
        long userId = jdbc.queryForObject("select id from app_user where username = ?", Long.class, USER);
        assignee = "user:" + userId;

        Map<String, String> report = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.contains("{")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String route = method + " " + pattern;
                    String outsideUrl = fill(pattern, userId, true);
                    String missingUrl = fill(pattern, userId, false);
                    int missing = status(method, missingUrl, auth);
                    Integer outside = outsideUrl == null ? null : status(method, outsideUrl, auth);
                    String line = "missing id -> " + missing + (outside != null ? ", out-of-scope " + outsideUrl + " -> " + outside
                            : missing == 403 ? " (refused to the role whatever the id)"
                            : ", NOT FILLED: no out-of-scope record found, checked with a missing id only");
                    report.put(route, line);
                    boolean refused = missing == 404 || missing == 403;
                    boolean sameAnswer = outside == null || outside == missing;
                    if (!refused || !sameAnswer) {
                        failures.add(route + ": " + line);
                    }
                }
            }
        }
        writeReport(report);
        assertThat(report).as("routes with ids were found").isNotEmpty();
        assertThat(failures).as("routes that answer an out-of-scope or missing id with anything but 404/403").isEmpty();
    }

    private int status(RequestMethod method, String url, Authentication auth) throws Exception {
        var builder = request(HttpMethod.valueOf(method.name()), url).with(authentication(auth)).with(csrf())
                .header("Accept", "text/html");
        if (method == RequestMethod.POST) {
            // plausible form fields, so that a route reaches its service (and its scope check)
            // rather than stopping at a missing parameter
            builder.param("version", "0").param("reason", "matrix").param("comment", "matrix")
                    .param("feedback", "matrix").param("intervalDays", "7").param("days", "7")
                    .param("idNumber", "11010519491231002X").param("relation", "OTHER").param("status", "MOVED_OUT")
                    .param("assignee", assignee);
        }
        return mvc.perform(builder).andReturn().getResponse().getStatus();
    }

    /** The URL with every variable filled: an out-of-scope value (null when none is found) or a missing one. */
    private String fill(String pattern, long userId, boolean outOfScope) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value;
            if (outOfScope) {
                value = outOfScopeValue(pattern.substring(0, m.start()), m.group(1), userId);
                if (value == null) {
                    return null;
                }
            } else {
                // ids of photos and imports are UUIDs: a missing one must still be a UUID
                value = m.group(1).matches("(?i).*(token|photo).*") ? "6f1c2b7e-0000-4000-8000-000000000000" : MISSING_ID;
            }
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        return url.toString();
    }

    private String outOfScopeValue(String before, String variable, long userId) {
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        String sql = FILLERS.getOrDefault(segment + "/" + variable, FILLERS.get(variable));
        if (sql == null) {
            for (String table : java.util.Arrays.asList(tableOf(variable), singular(segment))) {
                sql = conventionQuery(table);
                if (sql != null) {
                    break;
                }
            }
        }
        if (sql == null) {
            return null;
        }
        List<String> found = jdbc.queryForList(sql, String.class, userId);
        return found.isEmpty() ? null : found.get(0);
    }

    private String conventionQuery(String table) {
        if (table == null || table.isBlank() || !table.matches("[a-z_]+")) {
            return null;
        }
        if (table.equals("grid")) {
            return FILLERS.get("grids/id");
        }
        Integer gridColumn = jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and table_name = ? and column_name = 'grid_id'""", Integer.class, table);
        if (gridColumn == null || gridColumn == 0) {
            return null;
        }
        return "select id::text from " + table + " where grid_id is not null and grid_id not in "
                + "(select grid_id from grid_staff where user_id = ?) order by id limit 1";
    }

    static String tableOf(String variable) {
        if (variable.equals("id") || !variable.endsWith("Id")) {
            return null;
        }
        return variable.substring(0, variable.length() - 2).replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static String singular(String segment) {
        String s = segment.replace('-', '_').toLowerCase(Locale.ROOT);
        if (s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("ses") || s.endsWith("xes")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    private static void writeReport(Map<String, String> report) throws IOException {
        StringBuilder out = new StringBuilder("# Route scope matrix for user '" + USER + "' (GRID_STAFF)\n");
        report.forEach((route, line) -> out.append(route).append(": ").append(line).append('\n'));
        Path file = Path.of("target", "route-scope-matrix.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }
}
