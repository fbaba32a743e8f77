package media.icaro.news.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds of an article. {@code published}: its status is published, so readers may find
 * it once {@code publishedAt} has come; any other article is there for the newsroom's search only,
 * and may have no {@code url} or {@code publishedAt} yet.
 */
public record SearchDocument(long id, String headline, String standfirst, String bodyText, List<String> tags,
        List<String> bylines, String sectionSlug, String sectionName, String url, Instant publishedAt, Instant modifiedAt,
        boolean published) {

    /** A published article's document. */
    public SearchDocument(long id, String headline, String standfirst, String bodyText, List<String> tags,
            List<String> bylines, String sectionSlug, String sectionName, String url, Instant publishedAt, Instant modifiedAt) {
        this(id, headline, standfirst, bodyText, tags, bylines, sectionSlug, sectionName, url, publishedAt, modifiedAt, true);
    }
}
