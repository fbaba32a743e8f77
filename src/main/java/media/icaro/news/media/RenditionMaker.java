package media.icaro.news.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * Makes the smaller versions of an image that pages choose from: JPEGs 320, 640, 1024 and 1600 pixels
 * wide, those narrower than the image itself, upright (a camera's EXIF orientation applied, as browsers
 * apply it to the original), in sRGB, without metadata. ImageIO decodes (with TwelveMonkeys' JPEG and
 * WebP readers) and Java2D scales.
 *
 * <p>Memory is the limit, not time. The uploads' header check ({@link ImageService}) refuses what would
 * be too large to decode at all; here the decoder keeps only every n-th pixel of a large image, so the
 * raster it makes is at most about twice as wide as the widest version and at most
 * {@link #MAX_DECODED_PIXELS}; and one image is worked on at a time, so parallel uploads wait their turn
 * instead of exhausting the heap.
 */
@ApplicationScoped
class RenditionMaker {

    /** A phone's thumbnail, a phone's page (or a thumbnail at 2x), a tablet's, a desktop article's at 2x. */
    static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);
    static final String TYPE = "image/jpeg";
    /** Where JPEG stops showing its blocks on photographs; a version is a fifth of the original's bytes or less. */
    static final float QUALITY = 0.82f;
    /** About 40 MB as decoded pixels; a photograph is read at 3,200 pixels wide at most anyway. */
    static final long MAX_DECODED_PIXELS = 3200L * 3200;

    /** One at a time: decoding and scaling hold tens of megabytes, and a newsroom uploads rarely. */
    private final Semaphore working = new Semaphore(1, true);

    /** One smaller version: a JPEG of that size. */
    record Rendition(int width, int height, byte[] jpeg) {
    }

    /**
     * The size an image is shown at (null when not even its header says), and its versions, narrowest
     * first: none for an image narrower than all of them.
     */
    record Made(Integer width, Integer height, List<Rendition> renditions) {

        /** Their widths as stored beside the image: "320 640 1024", or "" for none. */
        String widths() {
            return renditions.stream().map(r -> String.valueOf(r.width())).collect(Collectors.joining(" "));
        }
    }

    /** The bytes passed the header check but cannot be decoded (damaged, or a kind of file ImageIO cannot read). */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The widths of the versions made of an image this wide: those narrower than it. */
    static List<Integer> widthsFor(int width) {
        return WIDTHS.stream().filter(w -> w < width).toList();
    }

    /** A version's height: the image's aspect, rounded, at least a pixel. */
    static int heightAt(int width, int imageWidth, int imageHeight) {
        return Math.max(1, (int) Math.round((double) width * imageHeight / imageWidth));
    }

    Made make(byte[] data) throws Unreadable {
        working.acquireUninterruptibly();
        try {
            return makeNow(data);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("The image cannot be decoded: " + e.getMessage(), e);
        } finally {
            working.release();
        }
    }

    private static Made makeNow(byte[] data) throws IOException, Unreadable {
        Orientation orientation = Orientation.of(data);
        BufferedImage decoded;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Unreadable("No decoder reads this image", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int stored = reader.getWidth(0);
                int storedHeight = reader.getHeight(0);
                if (stored > ImageService.MAX_SIDE || storedHeight > ImageService.MAX_SIDE
                        || (long) stored * storedHeight > ImageService.MAX_PIXELS) {
                    throw new Unreadable("The image is " + stored + " × " + storedHeight + " pixels: too large to decode", null);
                }
                width = orientation.turns() ? storedHeight : stored;
                height = orientation.turns() ? stored : storedHeight;
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, stored, storedHeight);
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        List<Integer> widths = widthsFor(width);
        List<Rendition> renditions = new ArrayList<>(widths.size());
        if (!widths.isEmpty()) {
            BufferedImage current = orientation == Orientation.NORMAL ? decoded : upright(decoded, orientation);
            decoded = null;
            // Widest first, each scaled from the one before it.
            for (int i = widths.size() - 1; i >= 0; i--) {
                int w = widths.get(i);
                current = scaled(current, w, heightAt(w, width, height));
                renditions.add(0, new Rendition(w, current.getHeight(), jpeg(current)));
            }
        }
        return new Made(width, height, renditions);
    }

    /**
     * Keeps every n-th pixel of each n-th row while decoding, so that the picture is read at about twice
     * the widest version (shown at 1,600 pixels wide, it is read at 1,600 to 3,200) and at most
     * {@link #MAX_DECODED_PIXELS}: a 6,000 pixel wide photograph costs a sixth of its raster, not all of it.
     */
    static int subsampling(int shownWidth, int storedWidth, int storedHeight) {
        int step = Math.max(1, ceilDiv(shownWidth, 2 * WIDTHS.get(WIDTHS.size() - 1)));
        while ((long) ceilDiv(storedWidth, step) * ceilDiv(storedHeight, step) > MAX_DECODED_PIXELS) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The decoded picture turned upright, as opaque sRGB pixels (see {@link #drawn}). */
    private static BufferedImage upright(BufferedImage decoded, Orientation orientation) {
        int w = orientation.turns() ? decoded.getHeight() : decoded.getWidth();
        int h = orientation.turns() ? decoded.getWidth() : decoded.getHeight();
        BufferedImage upright = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = onWhite(upright, decoded);
        try {
            g.drawImage(decoded, orientation.transform(decoded.getWidth(), decoded.getHeight()), null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /**
     * Scaled down to this size: halved with bilinear filtering (which averages each 2 × 2 block) while
     * that stays above the target, then one bicubic step. One direct step from a far larger picture
     * would skip most of its pixels and shimmer; area averaging gives the same at many times the cost.
     */
    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = drawn(current, current.getWidth() / 2, current.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current != source && current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return drawn(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    /**
     * Drawn at this size as opaque sRGB pixels: drawing converts any colour model (grey, indexed, 16 bits,
     * CMYK, an embedded ICC profile) and puts transparency on white, as a JPEG has none.
     */
    private static BufferedImage drawn(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = onWhite(target, source);
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Graphics on the target, painted white first where the source has transparency to show through. */
    private static Graphics2D onWhite(BufferedImage target, BufferedImage source) {
        Graphics2D g = target.createGraphics();
        if (source.getColorModel().hasAlpha()) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, target.getWidth(), target.getHeight());
        }
        return g;
    }

    /** A progressive JPEG (smaller, and it shows while it loads) with no metadata but the JFIF header. */
    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(TYPE).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * How a JPEG's EXIF says its pixels are to be turned to be seen upright (tags 1 to 8, as cameras
     * write them); browsers apply it to the original, so the versions must show the same.
     */
    enum Orientation {
        NORMAL, FLIP_H, ROTATE_180, FLIP_V, TRANSPOSE, ROTATE_90_CW, TRANSVERSE, ROTATE_90_CCW;

        /** Whether width and height swap. */
        boolean turns() {
            return ordinal() >= TRANSPOSE.ordinal();
        }

        /** Maps the stored picture, w × h, onto the upright one. */
        AffineTransform transform(int w, int h) {
            return switch (this) {
                case NORMAL -> new AffineTransform();
                case FLIP_H -> new AffineTransform(-1, 0, 0, 1, w, 0);
                case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
                case FLIP_V -> new AffineTransform(1, 0, 0, -1, 0, h);
                case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
                case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, h, 0);
                case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
                case ROTATE_90_CCW -> new AffineTransform(0, -1, 1, 0, 0, w);
            };
        }

        /** The orientation a JPEG's EXIF gives; normal for other images and where EXIF says nothing readable. */
        static Orientation of(byte[] data) {
            if (!TYPE.equals(ImageService.contentType(data))) {
                return NORMAL;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
                List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
                if (exif.isEmpty()) {
                    return NORMAL;
                }
                // The segment's data starts after "Exif\0" with the second null byte of its identifier.
                InputStream tiff = exif.get(0).data();
                tiff.skipNBytes(1);
                Entry entry = new TIFFReader().read(ImageIO.createImageInputStream(tiff)).getEntryById(TIFF.TAG_ORIENTATION);
                int tag = entry != null && entry.getValue() instanceof Number number ? number.intValue() : 1;
                return tag >= 1 && tag <= 8 ? values()[tag - 1] : NORMAL;
            } catch (IOException | RuntimeException e) {
                return NORMAL;
            }
        }
    }
}
