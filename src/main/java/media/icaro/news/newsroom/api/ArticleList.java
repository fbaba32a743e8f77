package media.icaro.news.newsroom.api;

import java.util.List;

/** A page of the article list; {@code nextCursor} asks for the next one, and is null on the last. */
public record ArticleList(List<ArticleJson> articles, String nextCursor) {
}
