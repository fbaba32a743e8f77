package media.icaro.news.article;

import java.time.Instant;

/** What a listing, the front page or a Related block shows of a story. */
public record ArticleCard(long id, String headline, String standfirst, String url, String sectionSlug,
        String sectionName, Instant publishedAt, Article.Kind kind) {

    public PageCursor cursor() {
        return new PageCursor(publishedAt, id);
    }

    public boolean isOpinion() {
        return kind == Article.Kind.OPINION;
    }
}
