package media.icaro.news.media;

import java.util.ArrayList;
import java.util.List;

/**
 * An image as a page shows it: the addresses of its original and of its smaller versions, for
 * {@code srcset}, and the size it is shown at, for {@code width} and {@code height}. A size is null
 * for an image whose versions are not made yet (stored before they were, and not yet reached by
 * {@link RenditionBackfill}); such an image has only its original.
 *
 * @param query what each address ends with: empty, or a preview link's signature ({@code ?expires=...&sig=...})
 */
public record Picture(long id, String alt, Integer width, Integer height, List<Integer> renditionWidths, String originalType,
        String query) {

    /** What a browser that cannot choose loads: a version fit for an article's column. */
    static final int FALLBACK_WIDTH = 1024;
    /**
     * The original joins {@code srcset} only up to this many times the widest version: beyond, a reader
     * with a very dense screen would get the whole upload (up to 5 MB) for little to see.
     */
    static final double ORIGINAL_IN_SRCSET = 1.5;

    /** One address of the image, with its size (null when unknown) and type. */
    public record Version(String url, Integer width, Integer height, String type) {
    }

    /** The picture of this image (null for none), with the alt text the article gives it. */
    public static Picture of(Long id, String alt, Image image, String query) {
        return image == null ? of(id, alt, null, null, null, null, query)
                : of(id, alt, image.width, image.height, image.renditionWidths, image.contentType, query);
    }

    /**
     * The picture of an image as stored: its versions' widths as {@code Image.renditionWidths} keeps them
     * ("320 640", "" for none, null for not made yet). Null when there is no image.
     */
    public static Picture of(Long id, String alt, Integer width, Integer height, String renditionWidths, String originalType,
            String query) {
        if (id == null) {
            return null;
        }
        List<Integer> widths = new ArrayList<>();
        if (renditionWidths != null && width != null) {
            for (String w : renditionWidths.split(" ")) {
                if (!w.isEmpty()) {
                    widths.add(Integer.valueOf(w));
                }
            }
        }
        return new Picture(id, alt, renditionWidths == null ? null : width, renditionWidths == null ? null : height,
                List.copyOf(widths), originalType, query);
    }

    /** Whether its size is known, and so its versions: until then a listing shows no picture rather than a 5 MB original. */
    public boolean isReady() {
        return width != null;
    }

    /** The address of the original, as uploaded. */
    public String originalUrl() {
        return "/media/" + id + query;
    }

    /** The widest version no wider than {@code maxWidth}; the original when there is none. */
    public Version upTo(int maxWidth) {
        Integer best = null;
        for (int w : renditionWidths) {
            if (w <= maxWidth) {
                best = w;
            }
        }
        return best == null ? original() : version(best);
    }

    /** The widest version, or the original when there is none: what link previews and structured data show. */
    public Version largest() {
        return renditionWidths.isEmpty() ? original() : version(renditionWidths.get(renditionWidths.size() - 1));
    }

    /** For {@code src}: what a browser that does not read {@code srcset} loads. */
    public String src() {
        return upTo(FALLBACK_WIDTH).url();
    }

    /**
     * For {@code srcset}: every version and, when it is not far wider, the original. Null when there is
     * no version to choose (the original alone, as {@code src}, keeps its own pixel size).
     */
    public String srcset() {
        if (renditionWidths.isEmpty()) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        for (int w : renditionWidths) {
            candidates.add(version(w).url() + " " + w + "w");
        }
        if (width <= ORIGINAL_IN_SRCSET * renditionWidths.get(renditionWidths.size() - 1)) {
            candidates.add(originalUrl() + " " + width + "w");
        }
        return String.join(", ", candidates);
    }

    private Version original() {
        return new Version(originalUrl(), width, height, originalType);
    }

    private Version version(int w) {
        return new Version("/media/" + id + "/" + w + query, w, RenditionMaker.heightAt(w, width, height), RenditionMaker.TYPE);
    }
}
