package media.icaro.news.article;

import java.util.Optional;

/**
 * The orders of the newsroom's article list, each ending on the id so that rows with equal values
 * keep one order between pages. Each has an index (V3, V18) that the list walks instead of sorting.
 */
public enum NewsroomSort {

    /** Last change first: the default. */
    CHANGED("changed", "Last change", "most recently changed first"),
    /** Latest publication time first; articles never given one come last. */
    PUBLISHED("published", "Publication time", "latest publication first, never published last"),
    /** Headline, A to Z. */
    HEADLINE("headline", "Headline", "by headline, A to Z");

    private final String parameter;
    private final String label;
    private final String description;

    NewsroomSort(String parameter, String label, String description) {
        this.parameter = parameter;
        this.label = label;
        this.description = description;
    }

    /** The value in the list's address ({@code ?sort=published}). */
    public String parameter() {
        return parameter;
    }

    public String label() {
        return label;
    }

    /** How the list is ordered, in words, for its caption. */
    public String description() {
        return description;
    }

    /** The sort a parameter names; the default for none or an unknown one. */
    public static NewsroomSort of(String parameter) {
        return fromParameter(parameter).orElse(CHANGED);
    }

    static Optional<NewsroomSort> fromParameter(String parameter) {
        for (NewsroomSort sort : values()) {
            if (sort.parameter.equals(parameter)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
