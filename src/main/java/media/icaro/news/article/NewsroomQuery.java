package media.icaro.news.article;

import java.time.Instant;

import media.icaro.news.domain.CleanText;

/**
 * What the newsroom's article lists (the desk and the API) ask for: every status unless one is given,
 * newest change first, filtered by section slug, words of the headline and creator (each null for
 * any), after a keyset cursor on (modified-at, id) when one is given.
 */
public record NewsroomQuery(Article.Status status, String section, String headline, String createdBy,
        Instant afterModifiedAt, Long afterId) {

    /** Typed filters are cleaned here, for the desk and the API alike; a blank one means any. */
    public NewsroomQuery {
        section = CleanText.blankToNull(CleanText.singleLine(section));
        headline = CleanText.blankToNull(CleanText.singleLine(headline));
    }
}
