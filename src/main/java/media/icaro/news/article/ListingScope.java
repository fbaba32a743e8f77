package media.icaro.news.article;

/** Which stories a listing shows: all, or those of one section, tag or author. */
public record ListingScope(Long sectionId, Long tagId, Long authorId) {

    public static final ListingScope ALL = new ListingScope(null, null, null);

    public static ListingScope section(long id) {
        return new ListingScope(id, null, null);
    }

    public static ListingScope tag(long id) {
        return new ListingScope(null, id, null);
    }

    public static ListingScope author(long id) {
        return new ListingScope(null, null, id);
    }
}
