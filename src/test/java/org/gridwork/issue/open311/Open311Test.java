package org.gridwork.issue.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

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
        // neither a point nor an address: refused (an address alone is accepted, see IssuePlacementTest)
        postRequest("json", key, "FACILITY_LAMP", null, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(containsString("a location is required")));
        // a point no test draws a grid around (BoundaryRulesTest draws one at 100, 30; classes run in random order)
        postRequest("xml", key, "FACILITY_LAMP", "10.0", "60.0").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("outside the service area")));
    }

    @Test
    void listsOfStatusesAndServiceCodesAreAcceptedAndARequestIdOverridesTheOtherFilters() throws Exception {
        String key = keys.create("test lists");
        String lamp = id(postRequest("json", key, "FACILITY_LAMP", "37.5830", "115.0260").andReturn().getResponse().getContentAsString());
        String road = id(postRequest("json", key, "FACILITY_ROAD", "37.5830", "115.0260").andReturn().getResponse().getContentAsString());
        String both = mvc.perform(get("/open311/v2/requests.json").param("service_code", "FACILITY_LAMP,FACILITY_ROAD")
                .param("status", "open,closed")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(both).contains("\"service_request_id\":\"" + lamp + "\"").contains("\"service_request_id\":\"" + road + "\"");
        String onlyRoad = mvc.perform(get("/open311/v2/requests.json").param("service_code", "FACILITY_ROAD"))
                .andReturn().getResponse().getContentAsString();
        assertThat(onlyRoad).contains("\"service_request_id\":\"" + road + "\"").doesNotContain("\"service_request_id\":\"" + lamp + "\"");
        mvc.perform(get("/open311/v2/requests.json").param("status", "closed"))
                .andExpect(content().string(not(containsString("\"service_request_id\":\"" + lamp + "\""))));
        // service_request_id wins over a status and a service code that would exclude it
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", lamp + "," + road)
                .param("status", "closed").param("service_code", "SAFETY_FIRE").param("start_date", "2001-01-01T00:00:00+08:00")
                .param("end_date", "2001-01-02T00:00:00+08:00"))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/open311/v2/requests.json").param("status", "open,maybe")).andExpect(status().isBadRequest());
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "FACILITY_LAMP,NOPE")).andExpect(status().isBadRequest());
        // without dates: the last 90 days (a request reported 100 days ago is left out)
        jdbc.update("update issue set reported_at = now() - interval '100 days' where id = ?", Long.parseLong(road));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "FACILITY_ROAD"))
                .andExpect(content().string(not(containsString("\"service_request_id\":\"" + road + "\""))));
    }

    @Test
    void discoveryIsAlsoServedBesideTheVersionedPath() throws Exception {
        mvc.perform(get("/open311/discovery.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(jsonPath("$.endpoints[0].url").value(containsString("/open311/v2")));
        mvc.perform(get("/open311/discovery.xml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<discovery>")));
    }

    @Test
    void residentsReportsFromThePublicPageAreListedWithoutTheirContact() throws Exception {
        long lamp = jdbc.queryForObject("select id from issue_category where code = 'FACILITY_LAMP'", Long.class);
        String url = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/public/report")
                .param("categoryId", String.valueOf(lamp)).param("description", "公共页面上报的路灯 open311-public")
                .param("longitude", "115.0260").param("latitude", "37.5830").param("notDuplicate", "true")
                .param("name", "赵大爷").param("phone", "13700001111")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(r -> {
                    r.setRemoteAddr("10.31.1.1");
                    return r;
                })).andReturn().getResponse().getRedirectedUrl();
        long id = jdbc.queryForObject("select issue_id from public_report where tracking_code = ?", Long.class,
                url.substring(url.lastIndexOf('/') + 1));
        mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].description").value("公共页面上报的路灯 open311-public"))
                .andExpect(content().string(not(containsString("赵大爷"))))
                .andExpect(content().string(not(containsString("13700001111"))))
                .andExpect(content().string(not(containsString(url.substring(url.lastIndexOf('/') + 1)))));
        mvc.perform(get("/open311/v2/requests.json")).andExpect(content().string(containsString("open311-public")));
    }

    @Test
    void theXmlDocumentsHaveTheSpecificationsElementsAndEscapeWhatTheyCarry() throws Exception {
        mvc.perform(get("/open311/v2/services.xml").header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/xml"))
                .andExpect(content().string(startsWith("<?xml")))
                .andExpect(xpath("/services/service[service_code='FACILITY_LAMP']/service_name").string("Street lamp out"))
                .andExpect(xpath("/services/service[service_code='FACILITY_LAMP']/metadata").string("false"))
                .andExpect(xpath("/services/service[service_code='FACILITY_LAMP']/type").string("realtime"))
                .andExpect(xpath("count(/services/*[local-name() != 'service'])").number(0.0));
        mvc.perform(get("/open311/v2/services/FACILITY_LAMP.xml")).andExpect(status().isOk())
                .andExpect(xpath("/service_definition/service_code").string("FACILITY_LAMP"))
                .andExpect(xpath("/service_definition/attributes").exists());
        mvc.perform(get("/open311/discovery.xml")).andExpect(status().isOk())
                .andExpect(xpath("/discovery/endpoints/endpoint/specification").string("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(xpath("/discovery/endpoints/endpoint/formats/format[1]").string("application/json"))
                .andExpect(xpath("/discovery/endpoints/endpoint/formats/format[2]").string("text/xml"));
        mvc.perform(get("/open311/v2/discovery.json")).andExpect(jsonPath("$.endpoints[0].formats[1]").value("text/xml"))
                .andExpect(jsonPath("$.key_service").value(""));

        String key = keys.create("test xml client");
        String markup = "灯 <b>坏</b> & \"闪\" 'x' open311-xml";
        String created = mvc.perform(post("/open311/v2/requests.xml").param("api_key", key).param("service_code", "FACILITY_LAMP")
                .param("lat", "37.5830").param("long", "115.0260").param("description", markup))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/xml"))
                .andExpect(xpath("/service_requests/request/service_request_id").string(matchesPattern("[0-9]+")))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll("(?s).*<service_request_id>([0-9]+)</service_request_id>.*", "$1");
        mvc.perform(get("/open311/v2/requests/" + id + ".xml")).andExpect(status().isOk())
                .andExpect(xpath("count(/service_requests/request)").number(1.0))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id))
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/service_code").string("FACILITY_LAMP"))
                .andExpect(xpath("/service_requests/request/description").string(markup))
                .andExpect(xpath("/service_requests/request/long").number(115.026))
                .andExpect(xpath("/service_requests/request/lat").number(37.583))
                .andExpect(xpath("/service_requests/request/requested_datetime").string(
                        matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00")))
                // what Gridwork does not keep is there, empty
                .andExpect(xpath("/service_requests/request/status_notes").string(""))
                .andExpect(content().string(not(containsString("<b>"))));
        mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(jsonPath("$[0]").value(hasKey("status_notes")))
                .andExpect(jsonPath("$[0].long").value(115.026))
                .andExpect(jsonPath("$[0].description").value(markup));
        mvc.perform(get("/open311/v2/requests/" + id + ".txt")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$[0].description").value(containsString("not supported")));
        mvc.perform(get("/open311/v2/requests.xml").param("status", "maybe")).andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"))
                .andExpect(xpath("/errors/error/description").string(containsString("status must be")));
    }

    private static String id(String body) {
        return body.replaceAll(".*\"service_request_id\":\"([0-9]+)\".*", "$1");
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
