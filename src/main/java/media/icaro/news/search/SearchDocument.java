package media.icaro.news.search;

import java.time.Instant;
import java.util.List;

/** What the index holds of a live article. */
public record SearchDocument(long id, String headline, String standfirst, String bodyText, List<String> tags,
        List<String> bylines, String sectionSlug, String sectionName, String url, Instant publishedAt, Instant modifiedAt) {
}
