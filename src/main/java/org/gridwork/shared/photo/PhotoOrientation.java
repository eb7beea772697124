package org.gridwork.shared.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * A phone stores a portrait photo as landscape pixels with an EXIF orientation tag. Re-encoding
 * drops the tag, so the pixels are turned upright first, as the camera meant them (issue 18:
 * portrait photos came out on their side).
 */
final class PhotoOrientation {

    private PhotoOrientation() {
    }

    /** The image turned as the EXIF orientation (1 to 8) says; unchanged for 1 or an unknown value. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                switch (orientation) {
                    case 2 -> out.setRGB(w - 1 - x, y, rgb);
                    case 3 -> out.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> out.setRGB(x, h - 1 - y, rgb);
                    case 5 -> out.setRGB(y, x, rgb);                 // transpose
                    case 6 -> out.setRGB(h - 1 - y, x, rgb);         // turn 90° clockwise
                    case 7 -> out.setRGB(h - 1 - y, w - 1 - x, rgb); // transverse
                    default -> out.setRGB(y, w - 1 - x, rgb);        // 8: turn 90° anticlockwise
                }
            }
        }
        return out;
    }

    /** The EXIF orientation, 1 (as stored) when there is none or it cannot be read. */
    static int orientation(byte[] content) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // metadata a phone wrote badly: keep the pixels as they are rather than refuse the photo
        }
        return 1;
    }
}
