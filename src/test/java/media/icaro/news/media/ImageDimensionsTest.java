package media.icaro.news.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import media.icaro.news.domain.FieldErrors;

/** The size an image says it has, read from its header before anything decodes it. */
class ImageDimensionsTest {

    @Test
    void readsJpegAndPngFromTheirHeaders() throws IOException {
        assertEquals(new ImageDimensions(300, 200), ImageDimensions.of(encode("png", 300, 200)));
        assertEquals(new ImageDimensions(320, 240), ImageDimensions.of(encode("jpg", 320, 240)));
    }

    @Test
    void readsTheThreeKindsOfWebP() {
        assertEquals(new ImageDimensions(640, 480), ImageDimensions.of(webp("VP8 ", new byte[] {
                0, 0, 0, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x02, (byte) 0xe0, 0x01 })));
        int bits = (100 - 1) | (50 - 1) << 14;
        assertEquals(new ImageDimensions(100, 50), ImageDimensions.of(webp("VP8L", new byte[] {
                0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24), 0, 0, 0, 0, 0 })));
        int side = 20000 - 1;
        assertEquals(new ImageDimensions(20000, 20000), ImageDimensions.of(webp("VP8X", new byte[] {
                0, 0, 0, 0, (byte) side, (byte) (side >> 8), (byte) (side >> 16), (byte) side, (byte) (side >> 8), (byte) (side >> 16) })));
    }

    @Test
    void aHeaderWithoutASizeReadsAsNone() throws IOException {
        byte[] jpeg = encode("jpg", 32, 32);
        assertNull(ImageDimensions.of(Arrays.copyOf(jpeg, 20)), "cut before its frame header");
        assertNull(ImageDimensions.of(Arrays.copyOf(encode("png", 8, 8), 20)));
        assertNull(ImageDimensions.of("RIFF....WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void tooManyPixelsOrTooLongASideIsRefusedBesideTheField() throws IOException {
        ImageService images = new ImageService(null, null, null);
        assertEquals("The image is 20000 × 20000 pixels: keep it within 12000 pixels a side and 50 megapixels",
                refusal(images, webpOfSize(20000, 20000)));
        assertEquals("The image is 12001 × 100 pixels: keep it within 12000 pixels a side and 50 megapixels",
                refusal(images, webpOfSize(12001, 100)));
        assertEquals("The image is 8000 × 7000 pixels: keep it within 12000 pixels a side and 50 megapixels",
                refusal(images, webpOfSize(8000, 7000)));
        assertNull(refusal(images, webpOfSize(8000, 6000)), "48 megapixels, as a phone takes them, pass");
        assertEquals("The image's size cannot be read: save it again as a JPEG, PNG or WebP",
                refusal(images, Arrays.copyOf(encode("jpg", 32, 32), 20)));
        assertNull(refusal(images, encode("png", 64, 48)));
    }

    private static String refusal(ImageService images, byte[] data) {
        FieldErrors errors = new FieldErrors();
        images.check(data, "image", errors);
        return errors.message("image");
    }

    static byte[] encode(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    static byte[] webpOfSize(int width, int height) {
        int w = width - 1;
        int h = height - 1;
        return webp("VP8X", new byte[] { 0, 0, 0, 0, (byte) w, (byte) (w >> 8), (byte) (w >> 16), (byte) h, (byte) (h >> 8), (byte) (h >> 16) });
    }

    /** A RIFF WebP container with one chunk. */
    static byte[] webp(String chunk, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length).put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }
}
