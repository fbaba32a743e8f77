package media.icaro.news.article;

import java.util.List;

/** One page of a newest-first listing and the cursors of its neighbours (null where there is none). */
public record Listing(List<ArticleCard> stories, PageCursor older, PageCursor newer) {

    public boolean isEmpty() {
        return stories.isEmpty();
    }
}
