package media.icaro.news.media;

import java.nio.charset.StandardCharsets;

/**
 * The width and height an image's header declares, read without decoding a pixel: a few kilobytes
 * of PNG can declare 400 megapixels, which whoever decodes them (a resizer, a browser) must hold.
 * By hand rather than with ImageIO, which reads no WebP and needs AWT in a native build.
 */
record ImageDimensions(long width, long height) {

    long pixels() {
        return width * height;
    }

    /** The declared size of a JPEG, PNG or WebP; null when the header does not say it. */
    static ImageDimensions of(byte[] d) {
        String type = ImageService.contentType(d);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "image/png" -> png(d);
            case "image/jpeg" -> jpeg(d);
            default -> webp(d);
        };
    }

    /** The IHDR chunk comes first: width and height, big-endian, after the signature and chunk header. */
    private static ImageDimensions png(byte[] d) {
        if (d.length < 24 || d[12] != 'I' || d[13] != 'H' || d[14] != 'D' || d[15] != 'R') {
            return null;
        }
        return positive(uint32(d, 16), uint32(d, 20));
    }

    /** Walks the marker segments to the first frame header (SOF0 to SOF15, but DHT, JPG and DAC). */
    private static ImageDimensions jpeg(byte[] d) {
        int at = 2;
        while (at + 4 <= d.length) {
            if ((d[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = d[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = uint16(d, at + 2);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return at + 9 <= d.length ? positive(uint16(d, at + 7), uint16(d, at + 5)) : null;
            }
            if (length < 2) {
                return null;
            }
            at += 2 + length;
        }
        return null;
    }

    /** The first chunk after "WEBP" is VP8 (lossy), VP8L (lossless) or VP8X (extended), each with its own layout. */
    private static ImageDimensions webp(byte[] d) {
        if (d.length < 30) {
            return null;
        }
        String chunk = new String(d, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> (d[23] & 0xFF) == 0x9D && d[24] == 0x01 && d[25] == 0x2A
                    ? positive(uint16le(d, 26) & 0x3FFF, uint16le(d, 28) & 0x3FFF) : null;
            case "VP8L" -> {
                if (d[20] != 0x2F) {
                    yield null;
                }
                long bits = uint16le(d, 21) | (long) uint16le(d, 23) << 16;
                yield new ImageDimensions((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
            }
            case "VP8X" -> new ImageDimensions(uint24le(d, 24) + 1, uint24le(d, 27) + 1);
            default -> null;
        };
    }

    private static ImageDimensions positive(long width, long height) {
        return width > 0 && height > 0 ? new ImageDimensions(width, height) : null;
    }

    private static long uint32(byte[] d, int at) {
        return (long) uint16(d, at) << 16 | uint16(d, at + 2);
    }

    private static int uint16(byte[] d, int at) {
        return (d[at] & 0xFF) << 8 | d[at + 1] & 0xFF;
    }

    private static int uint16le(byte[] d, int at) {
        return d[at] & 0xFF | (d[at + 1] & 0xFF) << 8;
    }

    private static long uint24le(byte[] d, int at) {
        return uint16le(d, at) | (long) (d[at + 2] & 0xFF) << 16;
    }
}
