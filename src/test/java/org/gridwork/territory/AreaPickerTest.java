package org.gridwork.territory;

import org.gridwork.shared.security.SystemPrincipal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * After a large import (30,000 villages), every page with an area picker stays small: regions and
 * grids are searched as you type (at most 20, within the user's scope), never listed in a select.
 */
@IntegrationTest
class AreaPickerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    DivisionImporter importer;

    @Test
    void picketPagesStaySmallAfterALargeImportAndTheChoicesKeepToTheScope() throws Exception {
        StringBuilder csv = new StringBuilder("code,name,level,parent_code\n96,大省,PROVINCE,\n9601,大市,CITY,96\n");
        for (int k = 1; k <= 10; k++) {
            String county = String.format("9601%02d", k);
            csv.append(county).append(",大县").append(k).append(",COUNTY,9601\n");
            for (int t = 1; t <= 30; t++) {
                String town = county + String.format("%03d", t);
                csv.append(town).append(",大镇").append(t).append(",TOWN,").append(county).append('\n');
                for (int v = 1; v <= 100; v++) {
                    csv.append(town).append(String.format("%03d", v)).append(",大村").append(v).append(",VILLAGE,")
                            .append(town).append('\n');
                }
            }
        }
        SystemPrincipal.run("test set-up", () -> assertThat(importer.importCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .errors()).isEmpty());

        for (String page : new String[] {"/tasks/new", "/issues", "/issues/new", "/residents/new", "/residents",
                "/admin/territory/staff", "/tasks"}) {
            MvcResult r = mvc.perform(get(page).with(user(users.loadUserByUsername("admin")))).andReturn();
            assertThat(r.getResponse().getStatus()).as(page).isEqualTo(200);
            String html = r.getResponse().getContentAsString();
            assertThat(html.length()).as(page + " stays small").isLessThan(200_000);
            assertThat(html).as(page + " lists no imported village").doesNotContain("大村1");
        }

        String choices = mvc.perform(get("/territory/areas.json").param("q", "大村1")
                .with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString();
        assertThat(choices.split("\"value\"").length - 1).isEqualTo(AreaPicker.LIMIT);
        assertThat(choices).contains("大村1");

        String staffGrids = mvc.perform(get("/territory/areas.json").param("kind", "grid").param("q", "130528112")
                .with(user(users.loadUserByUsername("staff")))).andReturn().getResponse().getContentAsString();
        assertThat(staffGrids).contains("130528112201-001", "130528112201-002").doesNotContain("130528112202");
        String staffRegions = mvc.perform(get("/territory/areas.json").param("q", "大村")
                .with(user(users.loadUserByUsername("supervisor")))).andReturn().getResponse().getContentAsString();
        assertThat(staffRegions).as("outside the supervisor's town").isEqualTo("[]");
    }
}
