package media.icaro.news.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

import media.icaro.news.domain.FieldErrors;

/** The smaller versions made of an upload: their sizes, type, aspect and orientation, and what is never decoded. */
class RenditionMakerTest {

    final RenditionMaker maker = new RenditionMaker();

    @Test
    void aLargePhotographGetsEveryWidthAsAJpegOfItsAspect() throws Exception {
        RenditionMaker.Made made = maker.make(image("jpg", 4000, 3000, BufferedImage.TYPE_INT_RGB));
        assertEquals(4000, made.width());
        assertEquals(3000, made.height());
        assertEquals("320 640 1024 1600", made.widths());
        for (RenditionMaker.Rendition r : made.renditions()) {
            BufferedImage decoded = decode(r.jpeg());
            assertEquals(r.width(), decoded.getWidth());
            assertEquals(r.width() * 3 / 4, decoded.getHeight(), "4:3 kept");
            assertEquals(r.height(), decoded.getHeight());
            assertEquals("jpeg", formatOf(r.jpeg()));
        }
    }

    @Test
    void nothingIsEverScaledUp() throws Exception {
        assertEquals("320", maker.make(image("png", 500, 300, BufferedImage.TYPE_INT_RGB)).widths());
        assertEquals("320 640 1024", maker.make(image("png", 1600, 900, BufferedImage.TYPE_INT_RGB)).widths(),
                "an original as wide as a version is that version");
        RenditionMaker.Made small = maker.make(image("png", 300, 200, BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of(), small.renditions(), "the original serves");
        assertEquals(300, small.width());
        assertEquals(200, small.height());
    }

    @Test
    void anOddAspectIsRoundedNotDistorted() throws Exception {
        RenditionMaker.Made made = maker.make(image("png", 1000, 333, BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of(107, 213), made.renditions().stream().map(RenditionMaker.Rendition::height).toList());
        RenditionMaker.Made tall = maker.make(image("png", 700, 2100, BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of(960, 1920), tall.renditions().stream().map(RenditionMaker.Rendition::height).toList());
    }

    @Test
    void aCameraPictureIsTurnedUprightAsBrowsersShowIt() throws Exception {
        // Stored 800 × 400, left half red and right half blue; EXIF 6 says: turn it 90° clockwise.
        BufferedImage stored = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 800; x++) {
                stored.setRGB(x, y, x < 400 ? 0xD00000 : 0x0000D0);
            }
        }
        RenditionMaker.Made made = maker.make(withExifOrientation(encode(stored, "jpg"), 6));
        assertEquals(400, made.width(), "shown upright: 400 wide");
        assertEquals(800, made.height());
        RenditionMaker.Rendition version = made.renditions().get(0);
        assertEquals(320, version.width());
        assertEquals(640, version.height());
        BufferedImage upright = decode(version.jpeg());
        assertTrue(isRed(upright.getRGB(160, 100)), "the left half is now on top");
        assertTrue(isBlue(upright.getRGB(160, 540)), "and the right half below");
        assertFalse(containsExif(version.jpeg()), "no metadata travels with a version");
    }

    @Test
    void transparencyBecomesWhiteAndAWebPIsRead() throws Exception {
        BufferedImage clear = new BufferedImage(640, 480, BufferedImage.TYPE_INT_ARGB);
        RenditionMaker.Made made = maker.make(encode(clear, "png"));
        assertEquals(0xFFFFFF, decode(made.renditions().get(0).jpeg()).getRGB(100, 100) & 0xFFFFFF);

        byte[] webp;
        try (InputStream in = RenditionMakerTest.class.getResourceAsStream("/media/red-blue-400x300.webp")) {
            webp = in.readAllBytes();
        }
        RenditionMaker.Made fromWebp = maker.make(webp);
        assertEquals("320", fromWebp.widths());
        BufferedImage version = decode(fromWebp.renditions().get(0).jpeg());
        assertEquals(240, version.getHeight());
        assertTrue(isRed(version.getRGB(20, 20)) && isBlue(version.getRGB(300, 20)), "its pixels, not a blank");
    }

    @Test
    void aVersionIsAProgressiveJpeg() throws Exception {
        byte[] jpeg = maker.make(image("png", 700, 500, BufferedImage.TYPE_INT_RGB)).renditions().get(0).jpeg();
        assertTrue(hasMarker(jpeg, 0xC2), "SOF2: progressive");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeAnythingDecodesIt() throws Exception {
        // 97 bytes that declare 20,000 × 20,000 pixels: decoded, 1.6 GB; this JVM's heap is far smaller.
        byte[] bomb = png(20000, 20000);
        assertTrue(bomb.length < 200);
        FieldErrors.Invalid refused = assertThrows(FieldErrors.Invalid.class,
                () -> new ImageService(null, null, maker).prepare(bomb, "image"));
        assertEquals("The image is 20000 × 20000 pixels: keep it within 12000 pixels a side and 50 megapixels",
                refused.errors().message("image"));
        RenditionMaker.Unreadable unread = assertThrows(RenditionMaker.Unreadable.class, () -> maker.make(bomb),
                "an image stored before the header check existed is not decoded either");
        assertTrue(unread.getMessage().contains("too large"), unread.getMessage());
    }

    @Test
    void anUploadThatCannotBeDecodedIsRefusedBesideItsField() throws Exception {
        byte[] png = image("png", 400, 300, BufferedImage.TYPE_INT_RGB);
        byte[] broken = java.util.Arrays.copyOf(png, 60);
        FieldErrors.Invalid refused = assertThrows(FieldErrors.Invalid.class,
                () -> new ImageService(null, null, maker).prepare(broken, "image"));
        assertEquals("The image cannot be read: save it again as a JPEG, PNG or WebP", refused.errors().message("image"));
    }

    @Test
    void aLargeImageIsDecodedAtAFractionOfItsPixels() {
        assertEquals(1, RenditionMaker.subsampling(3200, 3200, 2400), "read whole up to twice the widest version");
        assertEquals(2, RenditionMaker.subsampling(4000, 4000, 3000), "a 12 MP photograph is read at 2000 × 1500");
        assertEquals(4, RenditionMaker.subsampling(12000, 12000, 4000));
        assertEquals(2, RenditionMaker.subsampling(3000, 3000, 12000), "a tall image within the decoded-pixel bound");
        assertEquals(3, RenditionMaker.subsampling(7000, 5000, 7000), "turned upright, its height is its width");
    }

    static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getBlue() < 80;
    }

    static boolean isBlue(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 150 && c.getRed() < 80;
    }

    /** An image of this size and pixel type, with something in it, encoded. */
    static byte[] image(String format, int width, int height, int type) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y += 7) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFF000000 | x * 255 / width << 16 | y * 255 / height);
            }
        }
        return encode(image, format);
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] data) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(data));
    }

    static String formatOf(byte[] data) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            return reader.getFormatName().toLowerCase();
        }
    }

    /** A JPEG with an EXIF segment that holds only an orientation tag, as a camera writes one. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0 };
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + header.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).put((byte) (length >> 8)).put((byte) length)
                .put(header).put(tiff).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    static boolean containsExif(byte[] jpeg) {
        return new String(jpeg, StandardCharsets.ISO_8859_1).contains("Exif\0");
    }

    /** Whether a marker segment (0xFF, marker) comes before the image data. */
    static boolean hasMarker(byte[] jpeg, int marker) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int m = jpeg[at + 1] & 0xFF;
            if (m == marker) {
                return true;
            }
            if (m == 0xDA) {
                return false;
            }
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return false;
    }

    /** A PNG whose header declares this size, with one tiny IDAT chunk: whatever decodes it must allocate the whole raster. */
    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1 });
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
