package org.gridwork.issue.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class Open311Test {

    @Autowired
    MockMvc mvc;
    @Autowired
    Open311Keys keys;
    @Autowired
    JdbcTemplate jdbc;

    ResultActions postRequest(String format, String key, String serviceCode, String lat, String lon) throws Exception {
        var req = post("/open311/v2/requests." + format).param("api_key", key).param("service_code", serviceCode)
                .param("description", "路灯坏了 open311-test").param("email", "citizen@example.org")
                .param("first_name", "Secret").param("phone", "13800000000");
        if (lat != null) {
            req.param("lat", lat).param("long", lon);
        }
        return mvc.perform(req);
    }

    @Test
    void servicesAreTheCategoriesInBothFormats() throws Exception {
        mvc.perform(get("/open311/v2/services.json").header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_code == 'FACILITY_LAMP')].service_name").value("Street lamp out"))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"));
        mvc.perform(get("/open311/v2/services.xml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<services><service><service_code>")));
        mvc.perform(get("/open311/v2/services/FACILITY_LAMP.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("FACILITY_LAMP"));
        mvc.perform(get("/open311/v2/services/NOPE.xml")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<errors><error><code>404</code>")));
        mvc.perform(get("/open311/v2/discovery.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"));
        mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", "elsewhere")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
    }

    @Test
    void aPostedRequestBecomesAReportedIssueAndIsFollowedWithoutPersonalData() throws Exception {
        String key = keys.create("test city app");
        String body = postRequest("json", key, "FACILITY_LAMP", "37.5830", "115.0260").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").exists())
                .andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"service_request_id\":\"([0-9]+)\".*", "$1");
        assertThat(jdbc.queryForObject("select status || ' ' || source from issue where id = ?", String.class, Long.parseLong(id)))
                .isEqualTo("REPORTED OPEN311");
        assertThat(jdbc.queryForObject("select reporter_contact from issue where id = ?", String.class, Long.parseLong(id)))
                .as("the reporter's contact is stored encrypted").doesNotContain("citizen@example.org", "Secret", "13800000000")
                .matches("[A-Za-z0-9_-]+:[A-Za-z0-9+/]+=*");
        mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("FACILITY_LAMP"))
                .andExpect(jsonPath("$[0].lat").value(37.583))
                .andExpect(content().string(not(containsString("citizen@example.org"))))
                .andExpect(content().string(not(containsString("Secret"))))
                .andExpect(content().string(not(containsString("13800000000"))));
        mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<service_requests><request><service_request_id>" + id)))
                .andExpect(content().string(not(containsString("citizen@example.org"))));
        mvc.perform(get("/open311/v2/requests.json").param("status", "open").param("service_code", "FACILITY_LAMP"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"service_request_id\":\"" + id + "\"")));
        // staff reports are never public
        mvc.perform(get("/open311/v2/requests.json")).andExpect(content().string(not(containsString("村南主路"))));
        mvc.perform(get("/open311/v2/requests/999999999.json")).andExpect(status().isNotFound());
    }

    @Test
    void theRequestListPagesNewestFirstAndRefusesABadPageSize() throws Exception {
        String key = keys.create("test paging");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String body = postRequest("json", key, "FACILITY_LAMP", "37.5830", "115.0260").andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            ids.add(body.replaceAll(".*\"service_request_id\":\"([0-9]+)\".*", "$1"));
        }
        mvc.perform(get("/open311/v2/requests.json").param("page_size", "2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].service_request_id").value(ids.get(2)))
                .andExpect(jsonPath("$[1].service_request_id").value(ids.get(1)));
        mvc.perform(get("/open311/v2/requests.json").param("page_size", "2").param("page", "2"))
                .andExpect(jsonPath("$[0].service_request_id").value(ids.get(0)));
        mvc.perform(get("/open311/v2/requests.json").param("page_size", "5000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("page_size")));
        mvc.perform(get("/open311/v2/requests.xml").param("page", "zero")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<errors><error><code>400</code>")));
    }

    @Test
    void badKeysServiceCodesAndLocationsAreRefusedInTheSpecErrorFormat() throws Exception {
        String key = keys.create("test hotline");
        postRequest("json", "not-a-key", "FACILITY_LAMP", "37.5830", "115.0260").andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403)).andExpect(jsonPath("$[0].description").exists());
        postRequest("xml", "not-a-key", "FACILITY_LAMP", "37.5830", "115.0260").andExpect(status().isForbidden())
                .andExpect(content().string(containsString("<errors><error><code>403</code><description>")));
        postRequest("json", key, "NO_SUCH_SERVICE", "37.5830", "115.0260").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        postRequest("json", key, "FACILITY_LAMP", null, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("lat and long are required")));
        postRequest("xml", key, "FACILITY_LAMP", "30.0", "100.0").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("outside the service area")));
    }

    @Test
    void postsAreRateLimitedPerKey() throws Exception {
        String key = keys.create("test flood");
        String other = keys.create("test quiet");
        long id = jdbc.queryForObject("select id from open311_key where channel = 'test flood' order by id desc limit 1", Long.class);
        for (int i = 0; i < 10; i++) {
            keys.tryAcquire(id);
        }
        postRequest("json", key, "FACILITY_LAMP", "37.5830", "115.0260").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$[0].code").value(429));
        // another channel's key is unaffected
        postRequest("json", other, "FACILITY_LAMP", "37.5830", "115.0260").andExpect(status().isOk());
    }
}
