package media.icaro.news.feed;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.web.CachedPage;

/**
 * {@code /sitemap.xml} (the index), {@code /sitemaps/{yyyy}-{MM}.xml} and {@code /sitemaps/pages.xml}
 * (what it lists), and {@code /sitemap-news.xml}; one resource class per address family, as in {@link FeedPages}.
 */
public final class SitemapPages {

    private static final String XML = "application/xml; charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<SitemapEntry> sitemaps);

        static native TemplateInstance urls(List<SitemapEntry> urls);

        static native TemplateInstance news(List<NewsEntry> stories);
    }

    private SitemapPages() {
    }

    /** Rendered here so that the answer says UTF-8, as {@link FeedPages#rss} does. */
    private static Response xml(TemplateInstance sitemap) {
        return Response.ok(sitemap.render()).header("Content-Type", XML).build();
    }

    @CachedPage
    @Path("/sitemap.xml")
    public static class Index {

        private final SitemapService sitemaps;

        Index(SitemapService sitemaps) {
            this.sitemaps = sitemaps;
        }

        @GET
        public Response get() {
            return xml(Templates.index(sitemaps.index()));
        }
    }

    @CachedPage
    @Path("/sitemaps")
    public static class Parts {

        private final SitemapService sitemaps;

        Parts(SitemapService sitemaps) {
            this.sitemaps = sitemaps;
        }

        /** A month's stories; 404 for a month without any. */
        @GET
        @Path("/{year: [0-9]{4}}-{month: [0-9]{2}}.xml")
        public Response month(@PathParam("year") int year, @PathParam("month") int month) {
            YearMonth yearMonth;
            try {
                yearMonth = YearMonth.of(year, month);
            } catch (DateTimeException e) {
                throw new NotFoundException();
            }
            List<SitemapEntry> urls = sitemaps.month(yearMonth);
            if (urls.isEmpty()) {
                throw new NotFoundException();
            }
            return xml(Templates.urls(urls));
        }

        @GET
        @Path("/pages.xml")
        public Response pages() {
            return xml(Templates.urls(sitemaps.pages()));
        }
    }

    @CachedPage
    @Path("/sitemap-news.xml")
    public static class News {

        private final SitemapService sitemaps;

        News(SitemapService sitemaps) {
            this.sitemaps = sitemaps;
        }

        @GET
        public Response get() {
            return xml(Templates.news(sitemaps.news()));
        }
    }
}
