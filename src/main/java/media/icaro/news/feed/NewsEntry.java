package media.icaro.news.feed;

import java.time.Instant;

/** A story in the Google News sitemap. */
public record NewsEntry(String loc, Instant publishedAt, String title) {
}
