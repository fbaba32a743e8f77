package media.icaro.news.feed;

import java.time.Instant;
import java.util.List;

/**
 * An RSS channel as its template prints it; every URL is absolute.
 *
 * @param description plain text, as every field here but an item's {@code bodyHtml}
 * @param lastBuildDate the latest change to any of its items (now, for an empty feed)
 */
public record Feed(String title, String link, String description, String selfUrl, Instant lastBuildDate,
        List<Item> items) {

    /**
     * A story in a feed; {@code bodyHtml} is the sanitised body the article page prints.
     *
     * @param image its feature image, null for none
     */
    public record Item(String title, String link, String description, Instant publishedAt, String sectionName,
            List<String> tags, List<String> creators, String bodyHtml, Image image) {
    }

    /** An item's picture for Media RSS ({@code media:content}): an absolute URL, its size (null when unknown) and type. */
    public record Image(String url, Integer width, Integer height, String type, String alt) {
    }
}
