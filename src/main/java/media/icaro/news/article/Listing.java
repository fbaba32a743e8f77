package media.icaro.news.article;

import java.util.List;

/** One page of a newest-first listing and the cursors of its neighbours (null where there is none). */
public record Listing(List<ArticleCard> stories, PageCursor older, PageCursor newer) {

    /** The same page without one story (the lead shown above it). */
    public Listing without(long id) {
        return new Listing(stories.stream().filter(story -> story.id() != id).toList(), older, newer);
    }

    public boolean isEmpty() {
        return stories.isEmpty();
    }
}
