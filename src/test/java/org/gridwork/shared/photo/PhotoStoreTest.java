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

    /** A phone's portrait photo: landscape pixels (left half red, right half blue) and EXIF orientation 6. */
    static byte[] portraitFromAPhone() throws Exception {
        BufferedImage landscape = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = landscape.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 200, 200);
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(200, 0, 200, 200);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(landscape, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        // APP1 Exif: big-endian TIFF header, one IFD0 entry: Orientation (0x0112), SHORT, 1, value 6
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(header);
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aPortraitPhotoKeepsItsOrientation() throws Exception {
        byte[] portrait = portraitFromAPhone();
        assertThat(PhotoOrientation.orientation(portrait)).isEqualTo(6);
        UUID id = photos.store(portrait, null);
        BufferedImage full = ImageIO.read(new java.io.ByteArrayInputStream(photos.load(id, false).orElseThrow()));
        BufferedImage thumb = ImageIO.read(new java.io.ByteArrayInputStream(photos.load(id, true).orElseThrow()));
        assertThat(full.getWidth()).as("upright: taller than wide").isEqualTo(200);
        assertThat(full.getHeight()).isEqualTo(400);
        assertThat(thumb.getHeight()).isGreaterThan(thumb.getWidth());
        // turned clockwise: what was the left (red) is now the top, the right (blue) the bottom
        java.awt.Color top = new java.awt.Color(full.getRGB(100, 50));
        java.awt.Color bottom = new java.awt.Color(full.getRGB(100, 350));
        assertThat(top.getRed()).isGreaterThan(200);
        assertThat(top.getBlue()).isLessThan(60);
        assertThat(bottom.getBlue()).isGreaterThan(200);
        assertThat(bottom.getRed()).isLessThan(60);
    }

    @Test
    void everyExifOrientationTurnsThePixelsAsTheCameraMeantThem() {
        // a 3 x 2 image, pixel values 1..6 row by row; each orientation's upright picture as the EXIF spec draws it
        BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        int v = 1;
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                source.setRGB(x, y, v++);
            }
        }
        assertThat(pixels(PhotoOrientation.upright(source, 1))).isEqualTo("123/456");
        assertThat(pixels(PhotoOrientation.upright(source, 2))).isEqualTo("321/654");
        assertThat(pixels(PhotoOrientation.upright(source, 3))).isEqualTo("654/321");
        assertThat(pixels(PhotoOrientation.upright(source, 4))).isEqualTo("456/123");
        assertThat(pixels(PhotoOrientation.upright(source, 5))).isEqualTo("14/25/36");
        assertThat(pixels(PhotoOrientation.upright(source, 6))).isEqualTo("41/52/63");
        assertThat(pixels(PhotoOrientation.upright(source, 7))).isEqualTo("63/52/41");
        assertThat(pixels(PhotoOrientation.upright(source, 8))).isEqualTo("36/25/14");
    }

    private static String pixels(BufferedImage image) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            if (y > 0) {
                s.append('/');
            }
            for (int x = 0; x < image.getWidth(); x++) {
                s.append(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return s.toString();
    }
}
