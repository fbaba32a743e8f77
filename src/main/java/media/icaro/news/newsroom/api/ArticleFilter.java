package media.icaro.news.newsroom.api;

import media.icaro.news.article.Article;
import media.icaro.news.article.NewsroomQuery;
import media.icaro.news.domain.FieldErrors;

/**
 * The article list's query, read from its parameters; every wrong one is reported at once.
 *
 * @param section a section slug as typed, or null for all
 * @param status a status, or null for all
 * @param headline words the headline contains, as typed, or null for any
 * @param after where the previous page ended, or null for the first page
 */
record ArticleFilter(String section, Article.Status status, String headline, int limit, ChangeCursor after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static ArticleFilter parse(String section, String status, String q, String limit, String cursor) {
        FieldErrors errors = new FieldErrors();
        Article.Status wantedStatus = null;
        if (status != null) {
            wantedStatus = WireNames.parse(Article.Status.class, status).orElse(null);
            if (wantedStatus == null) {
                errors.add("status", "Use draft, scheduled, published or unpublished");
            }
        }
        int wantedLimit = DEFAULT_LIMIT;
        if (limit != null) {
            wantedLimit = limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : -1;
            if (wantedLimit < 1 || wantedLimit > MAX_LIMIT) {
                errors.add("limit", "Ask for 1 to " + MAX_LIMIT + " articles");
            }
        }
        ChangeCursor after = null;
        if (cursor != null) {
            after = ChangeCursor.parse(cursor).orElse(null);
            if (after == null) {
                errors.add("cursor", "Use the nextCursor of an earlier answer, as it was given");
            }
        }
        errors.throwIfAny();
        return new ArticleFilter(section, wantedStatus, q, wantedLimit, after);
    }

    /** What the newsroom's list query is asked, its section and words cleaned there. */
    NewsroomQuery query() {
        return new NewsroomQuery(status, section, headline, null, after == null ? null : after.modifiedAt(),
                after == null ? null : after.id());
    }
}
