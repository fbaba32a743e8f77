package media.icaro.news.author;

public record AuthorView(long id, String slug, String name, boolean organisation, String bio) {
}
