package media.icaro.news.domain;

/**
 * A kind of page that lives at a first path segment of its own ({@code /politics}, {@code /about}):
 * sections and the site's own pages share that space, so each asks the others before taking a slug.
 */
public interface FirstSegments {

    /** What holds this slug ("a section", "a page"), or null when this kind does not. */
    String holderOf(String slug);
}
