package org.gridwork.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;

import org.gridwork.support.IntegrationTest;
import org.gridwork.support.TestResidents;
import org.gridwork.territory.Grids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@WithUserDetails("staff")
class ResidentFormWebTest {

    @Autowired MockMvc mvc;
    @Autowired ResidentService residents;
    @Autowired Grids grids;
    @Autowired UserDetailsService users;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String column(String name, long id) {
        return jdbc.queryForObject("select " + name + " from resident where id = ?", String.class, id);
    }

    @Test
    void editingWithTheIdFieldLeftBlankKeepsTheNumberAndABadPhoneIsShownAtTheField() throws Exception {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        String number = TestResidents.nextIdNumber(LocalDate.of(1982, 9, 9), true);
        long id = residents.register(new ResidentDraft("改名前", number, null, Registration.REGISTERED, grid, "旧址", null,
                null, null, Set.of()));

        String edit = mvc.perform(get("/residents/" + id + "/edit").with(user(users.loadUserByUsername("staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).doesNotContain(number).contains(IdNumber.mask(number));

        String refused = mvc.perform(post("/residents/" + id).param("name", "改名后").param("idNumber", "")
                .param("phone", "999").param("gridId", "" + grid).param("registration", "REGISTERED")
                .with(csrf()).with(user(users.loadUserByUsername("staff"))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Enter an 11-digit mobile number").contains("is-invalid");
        assertThat(column("name", id)).isEqualTo("改名前");

        mvc.perform(post("/residents/" + id).param("name", "改名后").param("idNumber", "")
                .param("phone", "13700001111").param("gridId", "" + grid).param("registration", "FLOATING")
                .with(csrf()).with(user(users.loadUserByUsername("staff"))))
                .andExpect(status().is3xxRedirection());
        // (MockMvc's user() has replaced the test's login: read the row directly)
        assertThat(column("name", id)).isEqualTo("改名后");
        assertThat(column("id_number_masked", id)).isEqualTo(IdNumber.mask(number));
        assertThat(column("registration", id)).isEqualTo("FLOATING");
    }

    @Test
    void aLongitudeThatIsNotANumberIsRefusedAtItsFieldInsteadOfDropped() throws Exception {
        long grid = grids.findGridByCode("130528112201-001").orElseThrow().id();
        String number = TestResidents.nextIdNumber(LocalDate.of(1983, 3, 3), true);
        long id = residents.register(new ResidentDraft("坐标前", number, null, Registration.REGISTERED, grid, "旧址", 115.02,
                37.59, null, Set.of()));
        String refused = mvc.perform(post("/residents/" + id).param("name", "坐标后").param("idNumber", "")
                .param("gridId", "" + grid).param("registration", "REGISTERED").param("longitude", "abc")
                .param("latitude", "37.59").with(csrf()).with(user(users.loadUserByUsername("staff")))
                .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Not a number.").contains("is-invalid");
        assertThat(column("name", id)).as("nothing saved").isEqualTo("坐标前");
    }

    @Test
    void importPreviewShowsLineColumnAndReasonBeforeAnythingIsSaved() throws Exception {
        String csv = "name,id_number,grid_code\n预览甲,110105194912310021,130528112201-001\n";
        var file = new org.springframework.mock.web.MockMultipartFile("file", "p.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/residents/import").file(file).with(csrf()).with(user(users.loadUserByUsername("staff"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(user(users.loadUserByUsername("staff")))
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1 rows, 0 ready to import, 1 problems").contains("id_number")
                .contains("The last character does not match");
        // another user cannot open someone else's import
        mvc.perform(get(location).with(user(users.loadUserByUsername("staff2")))).andExpect(status().isNotFound());
    }
}
