package media.icaro.news.domain;

/**
 * Fired once a transaction that changed what readers see has committed, saying what changed. Every
 * derived structure (the section navigation, the related-story snapshot, the search index) listens
 * to this one event and decides what the change touches.
 */
public record ContentChanged(Subject subject, long id) {

    /** What a change is about; new tags and authors arrive with the article whose save made them. */
    public enum Subject {
        ARTICLE,
        SECTION,
        /** What an editor set for the slots of a front (the front page or a section's page). */
        FRONT,
        /** One of the site's own pages (About, Privacy...), linked from every page's footer. */
        PAGE,
        /** Anything may have changed: the change feed lost track of another instance's writes for a while. */
        EVERYTHING,
        /**
         * The "Most read" list moved: no content changed, but the pages that show the list are out of
         * date. Fired outside a transaction; every instance reads the ranking from the database itself.
         */
        MOST_READ
    }

    public static ContentChanged article(long id) {
        return new ContentChanged(Subject.ARTICLE, id);
    }

    public static ContentChanged section(long id) {
        return new ContentChanged(Subject.SECTION, id);
    }

    public static ContentChanged page(long id) {
        return new ContentChanged(Subject.PAGE, id);
    }

    public static ContentChanged front() {
        return new ContentChanged(Subject.FRONT, 0);
    }

    public static ContentChanged everything() {
        return new ContentChanged(Subject.EVERYTHING, 0);
    }

    public static ContentChanged mostRead() {
        return new ContentChanged(Subject.MOST_READ, 0);
    }
}
