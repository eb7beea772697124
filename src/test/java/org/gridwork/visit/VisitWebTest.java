package org.gridwork.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class VisitWebTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    private long staffResident() {
        return jdbc.queryForObject("select min(r.id) from resident r join grid g on g.id = r.grid_id"
                + " where g.code = '130528112201-002' and r.status = 'LIVING'", Long.class);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private MvcResult post(String token, long residentId, MockMultipartFile photo) throws Exception {
        return mvc.perform(multipart("/visits").file(photo).param("token", token)
                .param("residentId", "" + residentId).param("kind", "CARE").param("condition", "GOOD")
                .param("findings", "院里有积水").with(csrf()).with(user(users.loadUserByUsername("staff")))).andReturn();
    }

    @Test
    void aVisitWithAPhotoIsSavedOnceAndItsPhotoServedOnlyWithinScope() throws Exception {
        String token = UUID.randomUUID().toString();
        long resident = staffResident();
        MockMultipartFile photo = new MockMultipartFile("photos", "pic.png", "image/png", png());
        MvcResult first = post(token, resident, photo);
        MvcResult again = post(token, resident, photo);
        assertThat(first.getResponse().getRedirectedUrl()).startsWith("/visits/");
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());

        // the "logged" notice rides on the URL: saving a visit leaves nothing in the session
        assertThat(first.getResponse().getRedirectedUrl()).endsWith("?logged");
        assertThat(first.getFlashMap().isEmpty()).isTrue();
        String url = first.getResponse().getRedirectedUrl();
        long visitId = Long.parseLong(url.substring("/visits/".length(), url.indexOf('?')));
        UUID photoId = jdbc.queryForObject("select photo_id from visit_photo where visit_id = ?", UUID.class, visitId);
        mvc.perform(get("/visits/" + visitId + "/photos/" + photoId + "?thumb=true")
                .with(user(users.loadUserByUsername("staff")))).andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(get("/visits/" + visitId + "/photos/" + photoId).with(user(users.loadUserByUsername("staff2"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/visits/" + visitId).with(user(users.loadUserByUsername("staff"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/issues/new?visitId=" + visitId + "&amp;residentId=" + resident)));
    }

    @Test
    void aFileThatIsNotAPhotoIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        long resident = staffResident();
        int before = jdbc.queryForObject("select count(*) from visit where resident_id = ?", Integer.class, resident);
        MvcResult result = post(UUID.randomUUID().toString(), resident,
                new MockMultipartFile("photos", "evil.jpg", "image/jpeg", "<?php echo 1; ?>".getBytes()));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("visit-form");
        assertThat(jdbc.queryForObject("select count(*) from visit where resident_id = ?", Integer.class, resident))
                .isEqualTo(before);
    }
}
