package media.icaro.news.newsroom.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import media.icaro.news.article.Article;

/**
 * Where a page of the newest-change-first list ended: the (modifiedAt, id) of its last article.
 * Clients get it as an opaque string, so its form can change without breaking them.
 */
record ChangeCursor(Instant modifiedAt, long id) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,12})\\.(\\d{1,9})\\.(\\d{1,18})");

    static ChangeCursor after(Article article) {
        return new ChangeCursor(article.modifiedAt, article.id);
    }

    static Optional<ChangeCursor> parse(String text) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(decoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeCursor(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                Long.parseLong(m.group(3))));
    }

    String encode() {
        String plain = modifiedAt.getEpochSecond() + "." + modifiedAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
