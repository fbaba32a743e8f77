package media.icaro.news.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.web.CachedPage;

/**
 * RSS 2.0 at {@code /feed.xml}, {@code /{section}/feed.xml} and {@code /tag/{tag}/feed.xml}. Each
 * address is its own resource class: a class path that is only a prefix of another class's would
 * hide it.
 */
public final class FeedPages {

    private static final String RSS = "application/rss+xml; charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rss(Feed feed);
    }

    private FeedPages() {
    }

    /** Rendered here rather than by the REST layer, which would answer with the template's own type, application/xml. */
    static Response rss(Feed feed) {
        return Response.ok(Templates.rss(feed).render()).header("Content-Type", RSS).build();
    }

    @CachedPage
    @Path("/feed.xml")
    public static class SiteFeed {

        private final FeedService feeds;

        SiteFeed(FeedService feeds) {
            this.feeds = feeds;
        }

        @GET
        public Response get() {
            return rss(feeds.ofSite());
        }
    }

    @CachedPage
    @Path("/{section: [a-z0-9-]+}/feed.xml")
    public static class SectionFeed {

        private final FeedService feeds;

        SectionFeed(FeedService feeds) {
            this.feeds = feeds;
        }

        @GET
        public Response get(@PathParam("section") String section) {
            return rss(feeds.ofSection(section).orElseThrow(NotFoundException::new));
        }
    }

    @CachedPage
    @Path("/tag/{tag: [a-z0-9-]+}/feed.xml")
    public static class TagFeed {

        private final FeedService feeds;

        TagFeed(FeedService feeds) {
            this.feeds = feeds;
        }

        @GET
        public Response get(@PathParam("tag") String tag) {
            return rss(feeds.ofTag(tag).orElseThrow(NotFoundException::new));
        }
    }
}
