package media.icaro.news.domain;

/**
 * A derived structure that cannot simply be rebuilt on demand (the search index): it is brought up to
 * date with each change before {@link ContentGeneration} moves on, so that nothing rendered for the new
 * generation reads it out of date.
 */
public interface ChangeFollower {

    /** Applies the change; returns once it is visible to readers (or gives up, logging why). */
    void follow(ContentChanged change);
}
