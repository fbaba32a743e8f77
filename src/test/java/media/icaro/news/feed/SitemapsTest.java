package media.icaro.news.feed;

import static io.restassured.RestAssured.given;
import static media.icaro.news.feed.Xml.NEWS;
import static media.icaro.news.feed.Xml.SITEMAP;
import static media.icaro.news.feed.Xml.child;
import static media.icaro.news.feed.Xml.children;
import static media.icaro.news.feed.Xml.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;

/** The sitemap index, the monthly and fixed-page sitemaps, the news sitemap and robots.txt. */
@QuarkusTest
class SitemapsTest {

    static final String SEED_URL = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    @Inject
    TestContent content;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    EditorialService editorial;

    /** 00:30 on 1 February in Rome, still 31 January in UTC: a February story. */
    static ArticleView firstOfFebruary;

    @BeforeEach
    void fill() {
        if (firstOfFebruary == null) {
            content.section("feed-sitemaps");
            firstOfFebruary = content.publish("feed-sitemaps", "Feed sitemap story just after midnight",
                    Instant.parse("2024-01-31T23:30:00Z"));
        }
    }

    @Test
    void indexListsParsableSitemapsWhoseUrlsAnswer() {
        Map<String, Element> sitemaps = index();
        assertTrue(sitemaps.containsKey(Xml.base() + "/sitemaps/pages.xml"), sitemaps.keySet().toString());
        assertTrue(sitemaps.containsKey(Xml.base() + "/sitemaps/2024-06.xml"), sitemaps.keySet().toString());
        for (Element sitemap : sitemaps.values()) {
            String loc = text(sitemap, SITEMAP, "loc");
            w3c(text(sitemap, SITEMAP, "lastmod"));
            List<Element> urls = urls(loc);
            assertFalse(urls.isEmpty(), loc);
            assertTrue(urls.size() <= SitemapService.MAX_URLS);
            for (Element url : urls) {
                Xml.answers200(text(url, SITEMAP, "loc"));
            }
        }
    }

    @Test
    void monthlySitemapsFollowThePublicationMonthInTheSiteZone() {
        Element seed = url(urls(Xml.base() + "/sitemaps/2024-06.xml"), Xml.base() + SEED_URL);
        assertNotNull(seed, "the seed story is in June 2024");
        w3c(text(seed, SITEMAP, "lastmod"));

        assertEquals("/feed-sitemaps/2024/02/01/feed-sitemap-story-just-after-midnight", firstOfFebruary.url());
        assertNotNull(url(urls(Xml.base() + "/sitemaps/2024-02.xml"), Xml.base() + firstOfFebruary.url()));
        if (index().containsKey(Xml.base() + "/sitemaps/2024-01.xml")) {
            assertEquals(null, url(urls(Xml.base() + "/sitemaps/2024-01.xml"), Xml.base() + firstOfFebruary.url()));
        }
    }

    @Test
    void monthLastmodIsTheLatestChangeOfItsStories() {
        Map<String, Element> sitemaps = index();
        OffsetDateTime june = w3c(text(sitemaps.get(Xml.base() + "/sitemaps/2024-06.xml"), SITEMAP, "lastmod"));
        OffsetDateTime latest = urls(Xml.base() + "/sitemaps/2024-06.xml").stream()
                .map(url -> w3c(text(url, SITEMAP, "lastmod"))).max(OffsetDateTime::compareTo).orElseThrow();
        assertTrue(june.isEqual(latest), june + " vs " + latest);
    }

    @Test
    void monthsWithoutStoriesAndImpossibleMonthsAreNotFound() {
        for (String path : List.of("/sitemaps/1999-01.xml", "/sitemaps/2024-13.xml", "/sitemaps/2024-00.xml", "/sitemaps/2024-6.xml")) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    @Test
    void pagesSitemapHasTheFrontPageAndEverySection() {
        List<String> locs = urls(Xml.base() + "/sitemaps/pages.xml").stream().map(url -> text(url, SITEMAP, "loc")).toList();
        assertEquals(Xml.base() + "/", locs.get(0));
        assertTrue(locs.containsAll(List.of(Xml.base() + "/politics", Xml.base() + "/feed-sitemaps")), locs.toString());
    }

    /** The fresh story is unpublished again at the end: other test classes expect the seed to be the newest story. */
    @Test
    void newsSitemapHoldsTheLastTwoDaysOnly() {
        ArticleView fresh = content.publish("feed-sitemaps", "Feed sitemap story from a minute ago", Instant.now().minusSeconds(60));
        try {
            assertNewsSitemapHolds(fresh);
        } finally {
            editorial.unpublish(fresh.id(), Editor.SYSTEM);
        }
    }

    private static void assertNewsSitemapHolds(ArticleView fresh) {
        org.w3c.dom.Document news = Xml.get("/sitemap-news.xml", "application/xml");
        assertEquals("urlset", news.getDocumentElement().getLocalName());
        assertEquals(SITEMAP, news.getDocumentElement().getNamespaceURI());
        List<Element> urls = children(news.getDocumentElement(), SITEMAP, "url");
        assertNotNull(url(urls, Xml.base() + fresh.url()), "published a minute ago");
        assertEquals(null, url(urls, Xml.base() + SEED_URL), "the seed is older than two days");
        Instant twoDaysAgo = Instant.now().minus(48, ChronoUnit.HOURS).minusSeconds(5);
        for (Element url : urls) {
            Element story = child(url, NEWS, "news");
            Element publication = child(story, NEWS, "publication");
            assertEquals("ICARO Media Group", text(publication, NEWS, "name"));
            assertEquals("en", text(publication, NEWS, "language"));
            assertTrue(w3c(text(story, NEWS, "publication_date")).toInstant().isAfter(twoDaysAgo));
            assertFalse(text(story, NEWS, "title").isBlank());
            Xml.answers200(text(url, SITEMAP, "loc"));
        }
        Element mine = child(url(urls, Xml.base() + fresh.url()), NEWS, "news");
        assertEquals("Feed sitemap story from a minute ago", text(mine, NEWS, "title"));
        assertEquals(fresh.publishedAt(), w3c(text(mine, NEWS, "publication_date")).toInstant());
    }

    /** The sitemap schema wants one url at least: without fresh stories, the front page stands in, without news tags. */
    @Test
    void aNewsSitemapWithoutFreshStoriesIsStillAValidUrlset() {
        org.w3c.dom.Document news = Xml.get("/sitemap-news.xml", "application/xml");
        List<Element> urls = children(news.getDocumentElement(), SITEMAP, "url");
        assertFalse(urls.isEmpty(), "a urlset holds one url at least");
        for (Element url : urls) {
            if (children(url, NEWS, "news").isEmpty()) {
                assertEquals(List.of(url), urls, "the front page only stands in for no story");
                assertEquals(Xml.base() + "/", text(url, SITEMAP, "loc"));
            }
        }
    }

    @Test
    void aStorysLastmodIsItsLastMeaningfulChangeNotItsLastSave() {
        Element february = url(urls(Xml.base() + "/sitemaps/2024-02.xml"), Xml.base() + firstOfFebruary.url());
        assertEquals(Instant.parse("2024-01-31T23:30:00Z"), w3c(text(february, SITEMAP, "lastmod")).toInstant(),
                "saved just now, published then and never updated");
        Element seed = url(urls(Xml.base() + "/sitemaps/2024-06.xml"), Xml.base() + SEED_URL);
        assertEquals(Instant.parse("2024-06-18T17:15:00Z"), w3c(text(seed, SITEMAP, "lastmod")).toInstant(),
                "not when the first start loaded it");

        ArticleView corrected = content.publish("feed-sitemaps", "Feed sitemap story corrected later", Instant.parse("2024-02-10T09:00:00Z"));
        editorial.correct(corrected.id(), "A name was misspelt.", Editor.SYSTEM);
        Instant updated = w3c(text(url(urls(Xml.base() + "/sitemaps/2024-02.xml"), Xml.base() + corrected.url()), SITEMAP, "lastmod"))
                .toInstant();
        assertTrue(updated.isAfter(Instant.now().minusSeconds(120)), "a correction updates it: " + updated);
        Map<String, Element> sitemaps = index();
        assertEquals(updated, w3c(text(sitemaps.get(Xml.base() + "/sitemaps/2024-02.xml"), SITEMAP, "lastmod")).toInstant());
    }

    @Test
    void robotsKeepCrawlersOutOfTheNewsroomAndNameTheSitemaps() {
        String robots = given().get("/robots.txt").then().statusCode(200).extract().asString();
        String type = given().get("/robots.txt").then().extract().contentType();
        assertEquals("text/plain;charset=utf-8", type.replace(" ", "").toLowerCase());
        List<String> lines = robots.lines().map(String::strip).toList();
        assertTrue(lines.contains("User-agent: *"));
        for (String path : List.of("/admin", "/api", "/login", "/preview")) {
            assertTrue(lines.contains("Disallow: " + path), robots);
        }
        assertFalse(lines.contains("Disallow: /"), "the rest stays open");
        assertTrue(lines.contains("Sitemap: " + Xml.base() + "/sitemap.xml"), robots);
        assertTrue(lines.contains("Sitemap: " + Xml.base() + "/sitemap-news.xml"), robots);
    }

    @Test
    void eachSitemapIsOneQuery() {
        assertEquals(1, queriesFor("/sitemap.xml"), "the index: one grouped query");
        assertEquals(1, queriesFor("/sitemaps/2024-06.xml"));
        assertEquals(1, queriesFor("/sitemaps/pages.xml"), "sections are in memory");
        assertEquals(1, queriesFor("/sitemap-news.xml"));
    }

    /**
     * Statements prepared while rendering the path, warm. The count is global, and the scheduled publisher
     * queries every 30 seconds, so the fewest of three tries is the page's own. Each try adds a query
     * string the page ignores, so that it is rendered, not served from the page cache.
     */
    private long queriesFor(String path) {
        given().get(path).then().statusCode(200);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            given().get(path + "?render=" + i).then().statusCode(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    /** The index's sitemaps by address. */
    private static Map<String, Element> index() {
        org.w3c.dom.Document index = Xml.get("/sitemap.xml", "application/xml");
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        assertEquals(SITEMAP, index.getDocumentElement().getNamespaceURI());
        Map<String, Element> sitemaps = new LinkedHashMap<>();
        for (Element sitemap : children(index.getDocumentElement(), SITEMAP, "sitemap")) {
            sitemaps.put(text(sitemap, SITEMAP, "loc"), sitemap);
        }
        return sitemaps;
    }

    private static List<Element> urls(String sitemapUrl) {
        org.w3c.dom.Document sitemap = Xml.get(Xml.path(sitemapUrl), "application/xml");
        assertEquals("urlset", sitemap.getDocumentElement().getLocalName());
        assertEquals(SITEMAP, sitemap.getDocumentElement().getNamespaceURI());
        return children(sitemap.getDocumentElement(), SITEMAP, "url");
    }

    private static Element url(List<Element> urls, String loc) {
        return urls.stream().filter(url -> loc.equals(text(url, SITEMAP, "loc"))).findFirst().orElse(null);
    }

    /** A W3C datetime with seconds and an offset. */
    private static OffsetDateTime w3c(String text) {
        assertTrue(text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)"), text);
        return OffsetDateTime.parse(text);
    }
}
