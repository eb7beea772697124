package org.gridwork.shared.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.SecondTown;
import org.gridwork.task.AssigneeMode;
import org.gridwork.task.NewTask;
import org.gridwork.task.TaskService;
import org.gridwork.support.TestResidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 18: every free-text field is capped on the server at (or below) its column's size, with a
 * message that states the limit and the length given. Each field, one character over: the form
 * comes back with the message next to the field (or, for a text sent with a button, at the top of
 * the page) and nothing is saved; exactly at the limit: saved.
 */
@IntegrationTest
class TextLimitsWebTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource messages;

    /**
     * A form field: who posts, the request (given the text), the field whose error shows, the limit, and
     * the query counting rows that hold the text.
     */
    record FormField(String name, String username, Function<String, MockHttpServletRequestBuilder> request, String field,
            int max, String savedSql) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Looked up before each test; the requests below are built while the test runs. */
    private static volatile long category;
    private static volatile long grid;
    private static volatile long task;

    @Autowired
    TaskService tasks;

    @BeforeEach
    void lookUp() {
        category = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        grid = jdbc.queryForObject("select id from grid where code = '130528112201-001'", Long.class);
        if (task == 0) { // one task for the grid of the demo's staff, to record progress on
            SecondTown.actAs(users, "supervisor");
            try {
                task = tasks.create(new NewTask("长度限制任务", "记录进展", tasks.today().plusDays(2), AssigneeMode.GRIDS,
                        null, List.of(grid), null));
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    static Stream<Arguments> formFields() {
        return Stream.of(
                new FormField("issue description", "staff", t -> report().param("description", t), "description", 4000,
                        "select count(*) from issue where description = ?"),
                new FormField("issue address", "staff", t -> report().param("description", "地址长度").param("address", t),
                        "address", 300, "select count(*) from issue where address = ?"),
                new FormField("issue people involved", "staff",
                        t -> report().param("description", "涉及人员长度").param("peopleInvolved", t), "peopleInvolved", 1000,
                        "select count(*) from issue where people_involved = ?"),
                new FormField("department name", "admin", t -> post("/admin/departments").param("code", "TL" + next())
                        .param("name", t).param("active", "true").param("level", "TOWN"), "name", 100,
                        "select count(*) from department where name = ?"),
                new FormField("user display name", "admin", t -> post("/admin/users").param("username", "tl" + next())
                        .param("displayName", t).param("role", "GRID_STAFF"), "displayName", 100,
                        "select count(*) from app_user where display_name = ?"),
                new FormField("task progress note", "staff", t -> post("/tasks/" + task + "/progress")
                        .param("status", "IN_PROGRESS").param("note", t), "note", 2000,
                        "select count(*) from task_assignment where note = ?"),
                new FormField("resident name", "staff", t -> resident().param("name", t), "name", 50,
                        "select count(*) from resident where name = ?"),
                new FormField("resident address", "staff", t -> resident().param("name", "住址长度").param("address", t),
                        "address", 200, "select count(*) from resident where address = ?"),
                new FormField("resident notes", "staff", t -> resident().param("name", "备注长度").param("notes", t),
                        "notes", 1000, "select count(*) from resident where notes = ?"))
                .map(Arguments::of);
    }

    private static MockHttpServletRequestBuilder report() {
        return post("/issues").param("categoryId", String.valueOf(category))
                .param("longitude", "115.0260").param("latitude", "37.5830").param("urgency", "NORMAL");
    }

    private static MockHttpServletRequestBuilder resident() {
        return post("/residents").param("idNumber", TestResidents.nextIdNumber(LocalDate.of(1980, 6, 1), true))
                .param("gridId", String.valueOf(grid)).param("registration", "REGISTERED");
    }

    private static String next() {
        return String.valueOf(SEQUENCE.incrementAndGet());
    }

    /** A text of exactly {@code length} characters, unique to this call. */
    private static String text(int length) {
        String marker = "限" + next();
        return marker + "字".repeat(length - marker.length());
    }

    /** The flash attributes of the last request (a refused button's message rides there to the next page). */
    private Map<String, Object> lastFlash = Map.of();

    private MockHttpServletResponse send(String username, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username)))
                .header("Accept-Language", "zh-CN")).andReturn();
        lastFlash = new java.util.HashMap<>(result.getFlashMap());
        return result.getResponse();
    }

    private int saved(String sql, String text) {
        return jdbc.queryForObject(sql, Integer.class, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFields")
    void oneCharacterOverTheLimitIsRefusedNextToTheFieldAndExactlyTheLimitIsSaved(FormField f) throws Exception {
        String over = text(f.max() + 1);
        MockHttpServletResponse refused = send(f.username(), f.request().apply(over));
        assertThat(refused.getStatus()).as("the form again, not an error page").isEqualTo(200);
        String html = refused.getContentAsString(StandardCharsets.UTF_8);
        int at = html.indexOf("id=\"" + f.field() + "-error\"");
        assertThat(at).as("an error next to " + f.field()).isPositive();
        assertThat(html.substring(at, html.indexOf("</div>", at)))
                .contains("不能超过 " + f.max() + " 个字（现 " + (f.max() + 1) + " 个）");
        assertThat(html).as("the input says the limit too").containsPattern(
                "(?s)<(input|textarea)[^>]*maxlength=\"" + f.max() + "\"[^>]*name=\"" + f.field() + "\""
                        + "|<(input|textarea)[^>]*name=\"" + f.field() + "\"[^>]*maxlength=\"" + f.max() + "\"");
        assertThat(saved(f.savedSql(), over)).as("nothing saved").isZero();

        String exact = text(f.max());
        MockHttpServletResponse accepted = send(f.username(), f.request().apply(exact));
        assertThat(accepted.getStatus()).as("saved and redirected: " + accepted.getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(?s).*?(<div[^>]*-error.*?</div>).*", "$1")).isEqualTo(302);
        assertThat(saved(f.savedSql(), exact)).isEqualTo(1);
    }

    @Test
    void aVisitsFindingsAndNeedsOverTheirLimitsAreRefusedNextToTheFields() throws Exception {
        long resident = jdbc.queryForObject("select min(r.id) from resident r join grid_staff gs on gs.grid_id = r.grid_id"
                + " join app_user u on u.id = gs.user_id where u.username = 'staff' and r.status = 'LIVING'", Long.class);
        Function<String[], MockHttpServletRequestBuilder> visit = fn -> post("/visits")
                .param("token", UUID.randomUUID().toString()).param("residentId", "" + resident).param("kind", "CARE")
                .param("condition", "GOOD").param("findings", fn[0]).param("needs", fn[1]);
        String findings = text(2001);
        String needs = text(1001);
        String html = send("staff", visit.apply(new String[] {findings, needs})).getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"findings-error\"").contains("不能超过 2000 个字（现 2001 个）")
                .contains("id=\"needs-error\"").contains("不能超过 1000 个字（现 1001 个）");
        assertThat(saved("select count(*) from visit where findings = ?", findings)).isZero();
        String exactFindings = text(2000);
        assertThat(send("staff", visit.apply(new String[] {exactFindings, text(1000)})).getStatus()).isEqualTo(302);
        assertThat(saved("select count(*) from visit where findings = ?", exactFindings)).isEqualTo(1);
    }

    /** Texts sent with a button (no form object): the service refuses them with the same message. */
    @Test
    void aChecklistFormTitleAndAHolidayNameOverTheirLimitsAreRefusedWithTheLimit() throws Exception {
        String title = text(201);
        MockHttpServletResponse refused = send("supervisor", post("/campaign-forms").param("title", title));
        assertThat(followFlash(refused, "supervisor")).contains("不能超过 200 个字（现 201 个）");
        assertThat(saved("select count(*) from campaign_form where title = ?", title)).isZero();
        String exactTitle = text(200);
        send("supervisor", post("/campaign-forms").param("title", exactTitle));
        assertThat(saved("select count(*) from campaign_form where title = ?", exactTitle)).isEqualTo(1);

        String name = text(101);
        refused = send("admin", post("/admin/calendar/days").param("day", "2099-01-05").param("kind", "HOLIDAY")
                .param("name", name));
        assertThat(followFlash(refused, "admin")).contains("不能超过 100 个字（现 101 个）");
        assertThat(saved("select count(*) from business_calendar_day where name = ?", name)).isZero();
    }

    @Test
    void anEscalationReasonLongerThanItsColumnIsRefusedWithTheLimit() throws Exception {
        MockHttpServletResponse reported = send("staff", report().param("description", "上报原因长度"));
        long id = Long.parseLong(reported.getRedirectedUrl().substring("/issues/".length()));
        send("supervisor", post("/issues/" + id + "/file").param("version", version(id)));
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("FILED");
        MockHttpServletResponse refused = send("supervisor", post("/issues/" + id + "/escalate").param("version", version(id))
                .param("reason", text(1001)));
        assertThat(followFlash(refused, "supervisor")).contains("不能超过 1000 个字（现 1001 个）");
        assertThat(jdbc.queryForObject("select handling_level from issue where id = ?", String.class, id)).isEqualTo("TOWN");
    }

    @Test
    void anOverlongCellOfAnImportIsReportedOnItsRowNotAsAnError() throws Exception {
        String csv = "name,id_number,grid_code,address\n"
                + "导入长名" + "名".repeat(47) + "," + TestResidents.nextIdNumber(LocalDate.of(1981, 2, 3), true)
                + ",130528112201-001,一号\n"
                + "导入长址," + TestResidents.nextIdNumber(LocalDate.of(1982, 2, 3), false) + ",130528112201-001,"
                + "址".repeat(201) + "\n";
        var file = new MockMultipartFile("file", "long.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse uploaded = mvc.perform(multipart("/residents/import").file(file).with(csrf())
                .with(user(users.loadUserByUsername("staff")))).andReturn().getResponse();
        assertThat(uploaded.getStatus()).isEqualTo(302);
        String page = mvc.perform(get(uploaded.getRedirectedUrl()).with(user(users.loadUserByUsername("staff")))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("不能超过 50 个字（现 51 个）").contains("不能超过 200 个字（现 201 个）");
    }

    @Test
    void anOpen311RequestWithAnOverlongAddressIsRefusedWithTheLimitNotCutShort() throws Exception {
        String key = "limits-" + UUID.randomUUID();
        jdbc.update("insert into open311_key(channel, key_prefix, key_hash) values (?, ?, ?)", "test limits",
                key.substring(0, 6), java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(StandardCharsets.UTF_8))));
        String address = text(301);
        MockHttpServletResponse refused = mvc.perform(post("/open311/v2/requests.json").param("api_key", key)
                .param("service_code", "FACILITY_LAMP").param("address_string", address).param("description", "地址太长"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("longer than 300 characters (301 given)");
        assertThat(saved("select count(*) from issue where address like ?", address.substring(0, 300) + "%")).isZero();
        String exact = text(300);
        assertThat(mvc.perform(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "FACILITY_LAMP")
                .param("address_string", exact).param("description", "地址正好")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(saved("select count(*) from issue where address = ?", exact)).isEqualTo(1);
    }

    private String version(long issue) {
        return String.valueOf(jdbc.queryForObject("select version from issue where id = ?", Long.class, issue));
    }

    /** The message a refused button leaves for the page it leads back to, as that page shows it. */
    private String followFlash(MockHttpServletResponse response, String username) {
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(lastFlash).containsKey("error");
        Object args = lastFlash.get("errorArgs");
        return messages.getMessage((String) lastFlash.get("error"), args instanceof Object[] a ? a : new Object[] {args},
                Locale.SIMPLIFIED_CHINESE);
    }
}
