package media.icaro.news.article;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a newest-first listing: the (published-at, id) of an article. Listings seek to it
 * through the index instead of counting an offset, so a deep page costs what the first page costs.
 * Written in URLs as {@code <epoch-seconds>-<id>}.
 */
public record PageCursor(Instant publishedAt, long id) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})-(\\d{1,18})");

    public static Optional<PageCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PageCursor(Instant.ofEpochSecond(Long.parseLong(m.group(1))), Long.parseLong(m.group(2))));
    }

    @Override
    public String toString() {
        return publishedAt.getEpochSecond() + "-" + id;
    }
}
