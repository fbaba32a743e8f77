package media.icaro.news.article;

import java.time.Instant;

import media.icaro.news.media.Picture;

/**
 * What a listing, the front page or a Related block shows of a story.
 *
 * @param thumbnail its feature image, once its smaller versions are made; null otherwise
 */
public record ArticleCard(long id, String headline, String standfirst, String url, String sectionSlug,
        String sectionName, Instant publishedAt, Article.Kind kind, Picture thumbnail) {

    public PageCursor cursor() {
        return new PageCursor(publishedAt, id);
    }

    public boolean isOpinion() {
        return kind == Article.Kind.OPINION;
    }
}
