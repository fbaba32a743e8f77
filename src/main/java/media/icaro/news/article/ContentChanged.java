package media.icaro.news.article;

/**
 * Fired after a transaction that changed an article commits. Every derived structure (related
 * lists, later the page cache and the search index) listens and drops what the change touches.
 */
public record ContentChanged(long articleId) {
}
