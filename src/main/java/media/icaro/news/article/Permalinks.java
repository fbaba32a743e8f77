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
}
