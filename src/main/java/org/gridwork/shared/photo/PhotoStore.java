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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores uploaded photos. The type is decided by the file's content (JPEG or PNG magic bytes and
 * a successful decode), never by its name or declared type. Every photo is re-encoded as JPEG,
 * which drops all metadata (EXIF GPS position, device), and scaled to at most 2048 px, with a
 * 320 px thumbnail. Callers keep the returned id on their record and serve the bytes only after
 * checking that record's data scope.
 *
 * <p>Memory: a small file can describe a huge image (a 466 KB PNG of 7745 x 7745 pixels at 16 bits
 * per channel decodes to 480 MB). Before decoding, the header tells the width, height, bits per
 * pixel and frame count; an image whose decoded size is over the budget is refused with a clear
 * message, and the decodes running at once share that budget (a semaphore counted in megabytes),
 * so parallel uploads wait for each other instead of exhausting the heap.
 */
@org.springframework.boot.context.properties.EnableConfigurationProperties(PhotoSettings.class)
@Component
public class PhotoStore {

    private static final int MAX_SIDE = 2048;
    private static final int THUMB_SIDE = 320;
    private static final long MAX_PIXELS = 60_000_000L;

    /** Scaled copies and the JPEG encoder's buffers, on top of the decoded image. */
    private static final int OVERHEAD_MB = 24;
    private static final long MB = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final long maxBytes;
    private final int budgetMb;
    private final Semaphore decoding;
    private final long waitMillis;

    PhotoStore(JdbcTemplate jdbc, PhotoSettings settings) {
        this.jdbc = jdbc;
        this.maxBytes = settings.maxBytes().toBytes();
        this.budgetMb = settings.decodeBudgetMb();
        this.decoding = new Semaphore(budgetMb, true);
        this.waitMillis = settings.decodeWait().toMillis();
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
        Processed p = process(content);
        BufferedImage full = p.full;
        byte[] jpeg = p.jpeg;
        byte[] thumb = p.thumb;
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

    private record Processed(BufferedImage full, byte[] jpeg, byte[] thumb) {
    }

    /**
     * Reads the header first (size, bits per pixel, frames) so that a small file describing a gigantic
     * image cannot exhaust memory, then decodes, scales and encodes within the shared budget.
     */
    private Processed process(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PhotoRejectedException("photo.rejected.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > MAX_PIXELS) {
                    throw new PhotoRejectedException("photo.rejected.dimensions");
                }
                if (reader.getNumImages(false) > 1) {
                    throw new PhotoRejectedException("photo.rejected.frames");
                }
                int bits = bitsPerPixel(reader);
                int neededMb = (int) Math.min(Integer.MAX_VALUE, (pixels * Math.max(bits, 8) / 8 + MB - 1) / MB) + OVERHEAD_MB;
                if (neededMb > budgetMb) {
                    throw new PhotoRejectedException("photo.rejected.memory", width, height, bits, neededMb, budgetMb);
                }
                if (!decoding.tryAcquire(neededMb, waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new PhotoRejectedException("photo.rejected.busy");
                }
                try {
                    BufferedImage image = reader.read(0);
                    if (image == null) {
                        throw new PhotoRejectedException("photo.rejected.type");
                    }
                    // turned upright (EXIF orientation) before re-encoding drops the metadata; after scaling: fewer pixels to turn
                    int orientation = PhotoOrientation.orientation(content);
                    BufferedImage full = PhotoOrientation.upright(scaled(image, MAX_SIDE), orientation);
                    BufferedImage thumb = PhotoOrientation.upright(scaled(image, THUMB_SIDE), orientation);
                    image = null; // the decoded original may go before encoding
                    return new Processed(full, jpeg(full, 0.85f), jpeg(thumb, 0.75f));
                } finally {
                    decoding.release(neededMb);
                }
            } finally {
                reader.dispose();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PhotoRejectedException("photo.rejected.busy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejectedException rejected) {
                throw rejected;
            }
            throw new PhotoRejectedException("photo.rejected.corrupt");
        }
    }

    /** Bits per pixel of the decoded image, from the header (PNG IHDR, JPEG SOF): 64 for 16-bit RGBA. */
    private static int bitsPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 32;
        }
        int bits = 0;
        for (int b : type.getSampleModel().getSampleSize()) {
            bits += b;
        }
        // packed pixels (palette, 1-bit) still take at least a byte each once scaled
        return Math.max(bits, type.getColorModel().getPixelSize());
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
