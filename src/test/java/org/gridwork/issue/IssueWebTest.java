package org.gridwork.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class IssueWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    long categoryId(String code) {
        return jdbc.queryForObject("select id from issue_category where code = ?", Long.class, code);
    }

    /** Staff reports a street lamp in 侯口一村 grid 001 and lands on the new issue's page. */
    long reportAsStaff(String description) throws Exception {
        String location = mvc.perform(post("/issues").with(as("staff")).with(csrf())
                        .param("categoryId", String.valueOf(categoryId("FACILITY_LAMP")))
                        .param("description", description).param("longitude", "115.0260").param("latitude", "37.5830")
                        .param("urgency", "NORMAL"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring("/issues/".length()));
    }

    long version(long id) {
        return jdbc.queryForObject("select version from issue where id = ?", Long.class, id);
    }

    @Test
    void staffReportsAndTheGridFollowsFromTheLocation() throws Exception {
        long id = reportAsStaff("路灯不亮 test-grid");
        assertThat(jdbc.queryForObject("select g.code from issue i join grid g on g.id = i.grid_id where i.id = ?",
                String.class, id)).isEqualTo("130528112201-001");
        mvc.perform(get("/issues/" + id).with(as("staff")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("路灯不亮 test-grid")))
                .andExpect(content().string(containsString("Reported")))
                // staff may not file: no file form on the page
                .andExpect(content().string(not(containsString("id=\"action-file\""))));
        mvc.perform(get("/issues/" + id).with(as("supervisor")))
                .andExpect(content().string(containsString("id=\"action-file\"")));
    }

    @Test
    void aReportWithoutCategoryOrDescriptionShowsTheProblemsOnTheForm() throws Exception {
        mvc.perform(post("/issues").with(as("staff")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a category.")))
                .andExpect(content().string(containsString("Describe the problem.")));
        mvc.perform(post("/issues").with(as("staff")).with(csrf()).header("Accept-Language", "en")
                        .param("categoryId", String.valueOf(categoryId("FACILITY_LAMP"))).param("description", "far away")
                        .param("longitude", "60.0").param("latitude", "10.0")) // no test draws a grid there (BoundaryRulesTest has 100, 30)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("outside every grid")));
        mvc.perform(post("/issues").with(as("staff")).with(csrf()).header("Accept-Language", "en")
                        .param("categoryId", String.valueOf(categoryId("FACILITY_LAMP"))).param("description", "x")
                        .param("residentIds", "99999999999999999999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Resident ids are numbers separated by commas.")));
    }

    @Test
    void openIssuesOfTheSameCategoryNearbyAreOfferedAsDuplicates() throws Exception {
        long original = reportAsStaff("duplicate original");
        mvc.perform(get("/issues/nearby").with(as("staff")).param("categoryId", String.valueOf(categoryId("FACILITY_LAMP")))
                        .param("longitude", "115.0262").param("latitude", "37.5831"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dup-" + original + "\"")));
        // 200 m away: not offered
        mvc.perform(get("/issues/nearby").with(as("staff")).param("categoryId", String.valueOf(categoryId("FACILITY_LAMP")))
                        .param("longitude", "115.0285").param("latitude", "37.5830"))
                .andExpect(content().string(not(containsString("id=\"dup-" + original + "\""))));
        String location = mvc.perform(post("/issues").with(as("staff")).with(csrf())
                        .param("categoryId", String.valueOf(categoryId("FACILITY_LAMP"))).param("description", "same lamp")
                        .param("longitude", "115.0262").param("latitude", "37.5831").param("duplicateOfId", String.valueOf(original)))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("supervisor")))
                .andExpect(content().string(containsString("href=\"/issues/" + original + "\"")));
    }

    @Test
    void issuesOutsideTheScopeAnswer404() throws Exception {
        long id = reportAsStaff("scope test");
        mvc.perform(get("/issues/" + id).with(as("staff2"))).andExpect(status().isNotFound());
        mvc.perform(get("/issues/" + id).with(as("handler"))).andExpect(status().isNotFound());
        mvc.perform(post("/issues/" + id + "/file").with(as("staff2")).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/issues").with(as("staff2")).param("q", "scope test"))
                .andExpect(content().string(not(containsString("id=\"issue-row-" + id + "\""))));
    }

    @Test
    void theListShowsEachIssueWithItsCategoryStatusAndEscapedText() throws Exception {
        long id = reportAsStaff("路灯<b>不亮</b> list-line");
        mvc.perform(get("/issues").with(as("staff")).param("q", "list-line").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("href=\"/issues/" + id + "\" id=\"issue-row-" + id + "\"")))
                .andExpect(content().string(containsString("#" + id + " Public facilities / Street lamp out")))
                .andExpect(content().string(containsString("路灯&lt;b&gt;不亮&lt;/b&gt; list-line")))
                .andExpect(content().string(containsString("130528112201-001")))
                .andExpect(content().string(containsString("id=\"issue-new\"")));
        mvc.perform(get("/issues").with(as("handler"))).andExpect(content().string(not(containsString("id=\"issue-new\""))));
    }

    @Test
    void listsFiltersAndQueuesRender() throws Exception {
        for (String view : new String[] {"MINE", "ALL", "AWAITING_FILING", "AWAITING_VERIFICATION", "OVERDUE"}) {
            mvc.perform(get("/issues").with(as("supervisor")).param("view", view)).andExpect(status().isOk());
        }
        mvc.perform(get("/issues").with(as("supervisor")).param("view", "OVERDUE").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString("村南主路出现大坑")));
        mvc.perform(get("/issues").with(as("handler")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("推销保健品")))
                .andExpect(content().string(not(containsString("村南主路出现大坑"))));
        mvc.perform(get("/issues").with(as("supervisor")).param("region", "130528112202"))
                .andExpect(content().string(containsString("推销保健品")))
                .andExpect(content().string(not(containsString("村南主路出现大坑"))));
        mvc.perform(get("/issues/new").with(as("staff"))).andExpect(status().isOk());
    }

    @Test
    void theCsvExportNeutralisesFormulasAndIsAudited() throws Exception {
        long id = reportAsStaff("=HYPERLINK(\"http://evil\") csv-test");
        mvc.perform(get("/issues/export.csv").with(as("staff")).param("q", "csv-test"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("issues.csv")))
                .andExpect(content().string(containsString("'=HYPERLINK")))
                .andExpect(content().string(containsString(String.valueOf(id))));
    }

    @Test
    void aStaleFormGetsTheConflictPageWithTheFreshState() throws Exception {
        long id = reportAsStaff("conflict test");
        long v = version(id);
        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", String.valueOf(v)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/issues/" + id + "/reject").with(as("supervisor")).with(csrf()).header("Accept-Language", "en")
                        .param("version", String.valueOf(v)).param("reason", "duplicate"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone else acted on this issue")))
                .andExpect(content().string(containsString("Filed")));
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("FILED");
    }

    /** Two supervisors dispatch the same issue at the same moment: one wins, the other gets 409. */
    @Test
    void concurrentDispatchesNeverLoseAnUpdate() throws Exception {
        long id = reportAsStaff("concurrent dispatch");
        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        long v = version(id);
        long staff = jdbc.queryForObject("select id from app_user where username = 'staff'", Long.class);
        long police = jdbc.queryForObject("select id from department where code = 'HK-PCS'", Long.class);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String assignee : new String[] {"user:" + staff, "dept:" + police}) {
            calls.add(() -> {
                start.await();
                return mvc.perform(post("/issues/" + id + "/dispatch").with(as("supervisor")).with(csrf())
                        .param("version", String.valueOf(v)).param("assignee", assignee)).andReturn().getResponse().getStatus();
            });
        }
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> c : calls) {
            results.add(pool.submit(c));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        assertThat(jdbc.queryForObject("select count(*) from issue_event where issue_id = ? and action = 'DISPATCH'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAreRefusedWithAMessage() throws Exception {
        long id = reportAsStaff("illegal transition");
        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", String.valueOf(version(id))));
        mvc.perform(post("/issues/" + id + "/dispatch").with(as("supervisor")).with(csrf()).header("Accept-Language", "en")
                        .param("version", String.valueOf(version(id))).param("assignee", "user:abc"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("FILED");
        mvc.perform(post("/issues/" + id + "/close").with(as("supervisor")).with(csrf()).param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from issue where id = ?", String.class, id)).isEqualTo("FILED");
    }

    @Test
    void dispatchNotifiesTheAssigneeThroughTheBell() throws Exception {
        long id = reportAsStaff("bell test");
        mvc.perform(post("/issues/" + id + "/file").with(as("supervisor")).with(csrf()).param("version", String.valueOf(version(id))));
        long staff2 = jdbc.queryForObject("select id from app_user where username = 'staff2'", Long.class);
        mvc.perform(post("/issues/" + id + "/dispatch").with(as("supervisor")).with(csrf())
                .param("version", String.valueOf(version(id))).param("assignee", "user:" + staff2));
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and url = ?", Integer.class,
                staff2, "/issues/" + id)).isEqualTo(1);
        mvc.perform(get("/notifications").with(as("staff2")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Issue #" + id + " &quot;bell test&quot; was dispatched to you.")))
                .andExpect(content().string(containsString("id=\"notification-count\"")));
        // now assigned, staff2 sees it although it lies in staff's grid
        mvc.perform(get("/issues/" + id).with(as("staff2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"action-accept\"")));
    }
}
