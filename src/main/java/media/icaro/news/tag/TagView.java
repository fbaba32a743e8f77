package media.icaro.news.tag;

public record TagView(long id, String slug, String name) {
}
