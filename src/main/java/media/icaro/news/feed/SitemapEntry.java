package media.icaro.news.feed;

import java.time.Instant;

/** A {@code <sitemap>} of the index or a {@code <url>} of a sitemap: an absolute address and, if known, its last change. */
public record SitemapEntry(String loc, Instant lastmod) {
}
