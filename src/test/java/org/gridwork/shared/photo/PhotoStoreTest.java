package org.gridwork.shared.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.gridwork.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PhotoStoreTest {

    @Autowired
    PhotoStore photos;

    static byte[] image(String format, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void storesAPngAsAScaledJpegWithAThumbnail() throws Exception {
        UUID id = photos.store(image("png", 3000, 1500), null);
        byte[] full = photos.load(id, false).orElseThrow();
        byte[] thumb = photos.load(id, true).orElseThrow();
        BufferedImage fullImage = ImageIO.read(new java.io.ByteArrayInputStream(full));
        assertThat(fullImage.getWidth()).isEqualTo(2048);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(thumb)).getWidth()).isEqualTo(320);
        assertThat(full[0] & 0xFF).isEqualTo(0xFF);
    }

    @Test
    void refusesAFileThatOnlyPretendsToBeAPhoto() {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> photos.store(script, null))
                .isInstanceOfSatisfying(PhotoRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("photo.rejected.type"));
        byte[] truncatedJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3};
        assertThatThrownBy(() -> photos.store(truncatedJpeg, null))
                .isInstanceOfSatisfying(PhotoRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("photo.rejected.corrupt"));
        assertThatThrownBy(() -> photos.store(new byte[0], null)).isInstanceOf(PhotoRejectedException.class);
    }

    @Test
    void dropsExifMetadataSuchAsTheGpsPosition() throws Exception {
        byte[] jpeg = image("jpeg", 64, 64);
        // splice an APP1 "Exif" segment right after SOI, as a phone camera writes it
        byte[] exif = "Exif\0\0GPSLatitude=37.6".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(0xFF);
        withExif.write(0xE1);
        withExif.write((exif.length + 2) >> 8);
        withExif.write((exif.length + 2) & 0xFF);
        withExif.write(exif);
        withExif.write(jpeg, 2, jpeg.length - 2);

        byte[] stored = photos.load(photos.store(withExif.toByteArray(), null), false).orElseThrow();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPSLatitude");
    }
}
