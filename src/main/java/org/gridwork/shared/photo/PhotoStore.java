package org.gridwork.shared.photo;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores uploaded photos. The type is decided by the file's content (JPEG or PNG magic bytes and
 * a successful decode), never by its name or declared type. Every photo is re-encoded as JPEG,
 * which drops all metadata (EXIF GPS position, device), and scaled to at most 2048 px, with a
 * 320 px thumbnail. Callers keep the returned id on their record and serve the bytes only after
 * checking that record's data scope.
 */
@Component
public class PhotoStore {

    private static final int MAX_SIDE = 2048;
    private static final int THUMB_SIDE = 320;
    private static final long MAX_PIXELS = 60_000_000L;

    private final JdbcTemplate jdbc;
    private final long maxBytes;

    PhotoStore(JdbcTemplate jdbc, @Value("${gridwork.photos.max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
    }

    /** Checks and stores one photo; throws {@link PhotoRejectedException} with a message key when refused. */
    @Transactional
    public UUID store(byte[] content, Long uploadedBy) {
        if (content == null || content.length == 0) {
            throw new PhotoRejectedException("photo.rejected.empty");
        }
        if (content.length > maxBytes) {
            throw new PhotoRejectedException("photo.rejected.tooLarge", maxBytes / (1024 * 1024));
        }
        if (!isJpeg(content) && !isPng(content)) {
            throw new PhotoRejectedException("photo.rejected.type");
        }
        BufferedImage image = decode(content);
        // turned upright (EXIF orientation) before re-encoding drops the metadata; after scaling: fewer pixels to turn
        int orientation = PhotoOrientation.orientation(content);
        BufferedImage full = PhotoOrientation.upright(scaled(image, MAX_SIDE), orientation);
        byte[] jpeg = jpeg(full, 0.85f);
        byte[] thumb = jpeg(PhotoOrientation.upright(scaled(image, THUMB_SIDE), orientation), 0.75f);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into photo(id, content_type, width, height, size_bytes, data, thumbnail, uploaded_by)"
                + " values (?, 'image/jpeg', ?, ?, ?, ?, ?, ?)",
                id, full.getWidth(), full.getHeight(), jpeg.length, jpeg, thumb, uploadedBy);
        return id;
    }

    /** The photo's JPEG bytes, full size or thumbnail. */
    public Optional<byte[]> load(UUID id, boolean thumbnail) {
        String column = thumbnail ? "thumbnail" : "data";
        return jdbc.query("select " + column + " from photo where id = ?",
                rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty(), id);
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    /** Reads the size first so that a small file claiming a gigantic image cannot exhaust memory. */
    private static BufferedImage decode(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PhotoRejectedException("photo.rejected.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new PhotoRejectedException("photo.rejected.dimensions");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new PhotoRejectedException("photo.rejected.type");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejectedException rejected) {
                throw rejected;
            }
            throw new PhotoRejectedException("photo.rejected.corrupt");
        }
    }

    private static BufferedImage scaled(BufferedImage source, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE); // transparent PNG areas become white, not black
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
