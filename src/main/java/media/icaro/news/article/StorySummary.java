package media.icaro.news.article;

import java.time.Instant;

/**
 * A story as the newsroom names it when an editor picks one, whatever its status: its address is null
 * until it has a publication time.
 */
public record StorySummary(long id, String headline, String sectionName, Article.Status status, Instant publishedAt,
        String url) {

    public boolean isLive(Instant now) {
        return status == Article.Status.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    public boolean isScheduled() {
        return status == Article.Status.SCHEDULED;
    }
}
