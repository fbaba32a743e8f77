package media.icaro.news.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.site.SiteConfig;

/** The public path of an article: {@code /{section}/{yyyy}/{MM}/{dd}/{slug}}, dated in the site's time zone. */
@ApplicationScoped
public class Permalinks {

    private static final DateTimeFormatter DATE_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    /** The segments of an article's path: the digits of each, or 0 for a slug ({@code [a-z0-9-]+}). */
    private static final int[] SEGMENTS = { 0, 4, 2, 2, 0 };

    private final SiteConfig site;

    Permalinks(SiteConfig site) {
        this.site = site;
    }

    public String of(String sectionSlug, Instant publishedAt, String slug) {
        LocalDate day = publishedAt.atZone(site.timeZone()).toLocalDate();
        return "/" + sectionSlug + "/" + DATE_PATH.format(day) + "/" + slug;
    }

    public String of(Article article) {
        return of(article.section.slug, article.publishedAt, article.slug);
    }

    /**
     * The slug in a path of the shape {@link ArticlePage} answers, or null for any other path. Cheap
     * enough for every request: no pattern, and nothing allocated but the slug.
     */
    public static String slugOf(String path) {
        int start = 0;
        for (int digits : SEGMENTS) {
            if (start >= path.length() || path.charAt(start) != '/') {
                return null;
            }
            int end = path.indexOf('/', start + 1);
            end = end < 0 ? path.length() : end;
            if (!fits(path, start + 1, end, digits)) {
                return null;
            }
            start = end;
        }
        return start == path.length() ? path.substring(path.lastIndexOf('/') + 1) : null;
    }

    private static boolean fits(String path, int from, int to, int digits) {
        if (to == from || digits > 0 && to - from != digits) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || digits == 0 && (c >= 'a' && c <= 'z' || c == '-');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
