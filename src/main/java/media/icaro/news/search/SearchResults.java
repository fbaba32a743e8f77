package media.icaro.news.search;

import java.time.Instant;
import java.util.List;

/** One page of search results. */
public record SearchResults(String query, List<Hit> hits, long total, int page, int pageSize) {

    /** A result: {@code snippet} is HTML, escaped by the highlighter, with matches in {@code <mark>}. */
    public record Hit(long id, String headline, String url, String sectionSlug, String sectionName, Instant publishedAt,
            String snippet) {
    }

    public static SearchResults empty(String query) {
        return new SearchResults(query, List.of(), 0, 1, 20);
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public int previousPage() {
        return page - 1;
    }

    public long firstShown() {
        return total == 0 ? 0 : (long) (page - 1) * pageSize + 1;
    }

    public long lastShown() {
        return Math.min(total, (long) page * pageSize);
    }
}
