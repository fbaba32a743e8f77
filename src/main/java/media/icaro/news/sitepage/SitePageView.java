package media.icaro.news.sitepage;

import java.time.Instant;

/** A site page as readers and the newsroom see it. */
public record SitePageView(long id, String slug, String title, String description, String bodyMarkdown, String bodyHtml,
        int position, boolean published, Instant updatedAt, String updatedBy, long version) {

    public String url() {
        return "/" + slug;
    }

    static SitePageView of(SitePage page) {
        return new SitePageView(page.id, page.slug, page.title, page.description, page.bodyMarkdown, page.bodyHtml,
                page.position, page.published, page.updatedAt, page.updatedBy, page.version);
    }
}
