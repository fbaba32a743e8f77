package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import media.icaro.news.domain.CleanText;

/**
 * What the newsroom's article lists (the desk and the API) ask for: every status unless one is
 * given, filtered by section slug, creator and byline author (each null for any), in one of the
 * {@link NewsroomSort} orders, starting after a keyset cursor when one is given (or, with
 * {@code backwards}, reading back from it towards the top of the list).
 *
 * @param headline words the headline contains, or null for any
 * @param matching with a {@code headline}: ids the full-text search found, listed as well as the
 *        headlines that contain the words (null when there was no full-text search)
 */
public record NewsroomQuery(Article.Status status, String section, String headline, List<Long> matching,
        String createdBy, Long authorId, NewsroomSort sort, NewsroomCursor cursor, boolean backwards) {

    /** Typed filters are cleaned here, for the desk and the API alike; a blank one means any. */
    public NewsroomQuery {
        section = CleanText.blankToNull(CleanText.singleLine(section));
        headline = CleanText.blankToNull(CleanText.singleLine(headline));
        matching = matching == null ? null : List.copyOf(matching);
        sort = sort == null ? NewsroomSort.CHANGED : sort;
        // A cursor of another order would start the page anywhere: it starts at the top instead.
        cursor = cursor != null && cursor.sort() == sort ? cursor : null;
        backwards = backwards && cursor != null;
    }

    /** The API's list: newest change first, after a cursor on (modified-at, id) when one is given. */
    public NewsroomQuery(Article.Status status, String section, String headline, String createdBy, Instant afterModifiedAt,
            Long afterId) {
        this(status, section, headline, null, createdBy, null, NewsroomSort.CHANGED,
                afterModifiedAt == null ? null : new NewsroomCursor(NewsroomSort.CHANGED, afterModifiedAt, null, afterId),
                false);
    }
}
