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
import java.util.List;
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

    @Test
    void valuesThatCannotBeReadAreRefusedNextToTheirFieldsInsteadOfSavedAsDefaults() throws Exception {
        long resident = staffResident();
        int before = jdbc.queryForObject("select count(*) from visit where resident_id = ?", Integer.class, resident);
        MvcResult result = mvc.perform(multipart("/visits").param("token", UUID.randomUUID().toString())
                .param("residentId", "" + resident).param("kind", "BAD").param("condition", "GOOD")
                .param("visitedOn", "2026-13-45").param("longitude", "abc").param("latitude", "37.5")
                .param("findings", "坏数据").with(csrf()).with(user(users.loadUserByUsername("staff")))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("visit-form")
                .contains("id=\"visitedOn-error\"").contains("日期无效")
                .contains("id=\"kind-error\"").contains("不是可选的走访类型之一")
                .contains("id=\"position-error\"").contains("位置（经度）不是有效的数字");
        assertThat(jdbc.queryForObject("select count(*) from visit where resident_id = ?", Integer.class, resident))
                .as("nothing saved").isEqualTo(before);
    }

    @Test
    void aNulCharacterInAFormFieldOrFileNameIsRefusedWithTheBadRequestPageNotA500() throws Exception {
        long resident = staffResident();
        int before = jdbc.queryForObject("select count(*) from visit where resident_id = ?", Integer.class, resident);
        MvcResult inField = mvc.perform(multipart("/visits").param("token", UUID.randomUUID().toString())
                .param("residentId", "" + resident).param("kind", "CARE").param("condition", "GOOD")
                .param("findings", "门口\u0000有积水").with(csrf()).with(user(users.loadUserByUsername("staff")))).andReturn();
        assertThat(inField.getResponse().getStatus()).isEqualTo(400);
        MvcResult inFileName = mvc.perform(multipart("/visits")
                .file(new org.springframework.mock.web.MockMultipartFile("photos", "a\u0000.jpg", "image/jpeg", new byte[] {1}))
                .param("token", UUID.randomUUID().toString()).param("residentId", "" + resident).param("kind", "CARE")
                .param("condition", "GOOD").with(csrf()).with(user(users.loadUserByUsername("staff")))).andReturn();
        assertThat(inFileName.getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from visit where resident_id = ?", Integer.class, resident))
                .as("nothing saved").isEqualTo(before);
    }

    /**
     * A 7745 x 7745 PNG at 16 bits per channel with alpha: ~466 KB on the wire, 480 MB once decoded.
     * Written chunk by chunk, so that the test itself never holds the image.
     */
    static byte[] memoryBombPng() throws Exception {
        int side = 7745;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(idat,
                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + side * 8]; // filter byte "none", then black transparent pixels
            for (int y = 0; y < side; y++) {
                deflate.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void threeHugeSixteenBitPngsSentAtOnceAreRefusedFromTheirHeaderAndTheAppKeepsServing() throws Exception {
        byte[] bomb = memoryBombPng();
        assertThat(bomb.length).as("small on the wire").isLessThan(1_000_000);
        long resident = staffResident();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<MvcResult>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(pool.submit(() -> post(UUID.randomUUID().toString(), resident,
                        new MockMultipartFile("photos", "bomb.png", "image/png", bomb))));
            }
            for (var f : sent) {
                MvcResult r = f.get(2, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(r.getResponse().getStatus()).as("a refusal on the form, not a 500").isEqualTo(200);
                assertThat(r.getResponse().getContentAsString()).contains("visit-form")
                        .contains("照片过大，无法处理：7745 × 7745 像素、每像素 64 位");
            }
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(get("/today").with(user(users.loadUserByUsername("staff")))).andExpect(status().isOk());
    }

    /** Issue 18: "上报事件" from a visit carries the visit's GPS point into the report form. */
    @Test
    void anIssueRaisedFromAVisitStartsAtTheVisitsPoint() throws Exception {
        long resident = staffResident();
        double[] point = jdbc.queryForObject("select coalesce(r.longitude, 115.03), coalesce(r.latitude, 37.58) from resident r"
                + " where r.id = ?", (rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}, resident);
        String url = mvc.perform(multipart("/visits").param("token", UUID.randomUUID().toString())
                        .param("residentId", "" + resident).param("kind", "CARE").param("condition", "GOOD")
                        .param("findings", "带坐标的走访").param("longitude", "" + point[0]).param("latitude", "" + point[1])
                        .param("accuracy", "8").with(csrf()).with(user(users.loadUserByUsername("staff"))))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(url).startsWith("/visits/");
        String page = mvc.perform(get(url.substring(0, url.indexOf('?'))).with(user(users.loadUserByUsername("staff"))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/issues/new\\?visitId=[^\"]+)\"").matcher(page);
        assertThat(link.find()).as("the visit page offers 上报事件").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).contains("longitude=" + point[0]).contains("latitude=" + point[1]);
        String form = mvc.perform(get(href).with(user(users.loadUserByUsername("staff"))))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).containsPattern("id=\"longitude\"[^>]*value=\"" + java.util.regex.Pattern.quote("" + point[0]) + "\"")
                .containsPattern("id=\"latitude\"[^>]*value=\"" + java.util.regex.Pattern.quote("" + point[1]) + "\"");
    }
}
