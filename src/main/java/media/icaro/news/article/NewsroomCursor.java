package media.icaro.news.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * A row of the newsroom's list that a page starts after (or, going back, before): the sort's value
 * of that row and its id, which breaks ties. Written into links as an opaque token, so that it can
 * change shape without breaking anything but old bookmarks, which then open the first page.
 *
 * @param at the last change or publication time, for those sorts (null for an article never published)
 * @param headline the headline, for the headline sort
 */
public record NewsroomCursor(NewsroomSort sort, Instant at, String headline, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Where this article stands in a list of this order. */
    public static NewsroomCursor of(NewsroomSort sort, Article article) {
        return switch (sort) {
            case CHANGED -> new NewsroomCursor(sort, article.modifiedAt, null, article.id);
            case PUBLISHED -> new NewsroomCursor(sort, article.publishedAt, null, article.id);
            case HEADLINE -> new NewsroomCursor(sort, null, article.headline, article.id);
        };
    }

    /** The token, or empty when it is not one this list wrote. */
    public static Optional<NewsroomCursor> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > 1000) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || !parts[1].matches("[0-9]{1,18}")) {
                return Optional.empty();
            }
            Optional<NewsroomSort> sort = NewsroomSort.fromParameter(parts[0]);
            long id = Long.parseLong(parts[1]);
            return sort.map(s -> switch (s) {
                case HEADLINE -> new NewsroomCursor(s, null, parts[2], id);
                default -> new NewsroomCursor(s, parts[2].equals("-") ? null : Instant.parse(parts[2]), null, id);
            });
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        String value = sort == NewsroomSort.HEADLINE ? headline : at == null ? "-" : at.toString();
        return ENCODER.encodeToString((sort.parameter() + "|" + id + "|" + value).getBytes(StandardCharsets.UTF_8));
    }
}
