package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/**
 * Public pages come from memory once rendered, and every kind of write makes each page it touches
 * fresh on the very next request. Each test warms the pages first and checks that they were then
 * served from the cache (the hit count moves), so that a fresh page proves the cache followed the
 * change, not that there was no cache.
 */
@QuarkusTest
class PageCacheTest {

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    SectionService sections;

    @Inject
    MeterRegistry metrics;

    @Inject
    PageCache cache;

    @Test
    void everyPageAStoryAppearsOnShowsItsEditOnTheNextRequest() {
        content.section("cache-edits");
        ArticleView story = content.publish("cache-edits", "Harbour cranes idle overnight", Instant.now().minusSeconds(60),
                "cache-cranes");
        content.settle();
        List<String> pages = List.of(story.url(), "/", "/cache-edits", "/tag/cache-cranes", "/author/test-reporter",
                "/feed.xml", "/cache-edits/feed.xml", "/tag/cache-cranes/feed.xml", "/sitemap-news.xml",
                "/search?q=cranes");
        warm(pages);
        pages.forEach(p -> assertTrue(body(p).contains("Harbour cranes idle overnight"), p));

        EditorialService.EditableArticle editable = editorial.load(story.id());
        ArticleInput edited = editable.input().toBuilder().headline("Harbour cranes restart at dawn")
                .standfirst("Work resumes after the strike.").body("The cranes moved again at dawn.").build();
        editorial.update(story.id(), editable.version(), edited, EditorialService.Action.PUBLISH, Editor.SYSTEM);

        for (String page : pages) {
            String html = body(page);
            assertTrue(html.contains("Harbour cranes restart at dawn"), "the edit on " + page);
            int old = html.indexOf("Harbour cranes idle overnight");
            assertEquals(-1, old, "no old headline on " + page + ": " + (old < 0 ? "" : html.substring(Math.max(0, old - 300), old + 100)));
        }
    }

    @Test
    void aNewStoryAndAnUnpublishedOneShowOnTheNextRequest() {
        content.section("cache-news");
        ArticleView first = content.publish("cache-news", "Ferry timetable changes for winter", Instant.now().minusSeconds(120),
                "cache-ferries");
        content.settle();
        List<String> listings = List.of("/", "/cache-news", "/tag/cache-ferries", "/feed.xml", "/cache-news/feed.xml",
                "/sitemap-news.xml", "/search?q=ferry");
        warm(listings);
        warm(List.of(first.url()));

        ArticleView second = content.publish("cache-news", "Ferry crews vote on new rota", Instant.now().minusSeconds(30),
                "cache-ferries");
        for (String page : listings) {
            assertTrue(body(page).contains(second.url()), "the new story on " + page);
        }
        String month = "/sitemaps/" + second.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString().substring(0, 7) + ".xml";
        assertTrue(body(month).contains(second.url()), month);

        editorial.unpublish(first.id(), Editor.SYSTEM);
        assertNotEquals(200, given().redirects().follow(false).get(first.url()).statusCode(), "the unpublished page is gone");
        for (String page : listings) {
            assertFalse(body(page).contains(first.url()), "no unpublished story on " + page);
        }
    }

    @Test
    void aRenamedSectionIsRenamedInTheNavigationOfEveryPage() {
        SectionView section = content.section("cache-rename");
        ArticleView story = content.publish("cache-rename", "Tram line extension approved", Instant.now().minusSeconds(60));
        content.settle();
        List<String> pages = List.of("/", story.url(), "/cache-rename", "/search?q=tram");
        warm(pages);

        sections.update(section.id(), "Trams and Buses", section.description(), null);
        for (String page : pages) {
            assertTrue(Jsoup.parse(body(page)).select("nav a[href=/cache-rename]").text().contains("Trams and Buses"),
                    "the new name in the navigation of " + page);
        }
    }

    @Test
    void aScheduledStoryAppearsOnceTheSchedulerPublishesIt() throws InterruptedException {
        content.section("cache-schedule");
        content.publish("cache-schedule", "Bridge closure this weekend", Instant.now().minusSeconds(60));
        ArticleView scheduled = content.publish("cache-schedule", "Bridge reopens early",
                Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        warm(List.of("/cache-schedule", "/"));
        assertFalse(body("/cache-schedule").contains("Bridge reopens early"), "not before its time");

        Thread.sleep(Math.max(0, scheduled.publishedAt().toEpochMilli() - System.currentTimeMillis() + 100));
        editorial.publishDue();
        assertTrue(body("/cache-schedule").contains("Bridge reopens early"));
        assertTrue(body("/").contains(scheduled.url()));
    }

    @Test
    void aPublishedStoryCannotBeDatedIntoTheFutureWhereNoWriteWouldBringItBack() {
        content.section("cache-future");
        ArticleView story = content.publish("cache-future", "Ferry fares frozen", Instant.now().minusSeconds(60));
        EditorialService.EditableArticle editable = editorial.load(story.id());
        ArticleInput future = editable.input().toBuilder().publishedAt(Instant.now().plusSeconds(3600)).build();
        var refused = org.junit.jupiter.api.Assertions.assertThrows(media.icaro.news.domain.FieldErrors.Invalid.class,
                () -> editorial.update(story.id(), editable.version(), future, EditorialService.Action.SAVE, Editor.SYSTEM));
        assertTrue(refused.errors().has("publishedAt"));
        assertTrue(body(story.url()).contains("Ferry fares frozen"), "still live");
    }

    @Test
    void aCorrectionShowsOnTheNextRequest() {
        content.section("cache-corrections");
        ArticleView story = content.publish("cache-corrections", "Council budget passes", Instant.now().minusSeconds(60));
        warm(List.of(story.url()));
        editorial.correct(story.id(), "An earlier version gave the wrong total.", Editor.SYSTEM);
        assertTrue(body(story.url()).contains("An earlier version gave the wrong total."));
    }

    @Test
    void anUnchangedPageAnswers304AndAChangedOneANewEtag() {
        content.section("cache-etags");
        ArticleView story = content.publish("cache-etags", "Library opens on Sundays", Instant.now().minusSeconds(60));
        Response first = given().get("/cache-etags");
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertNotNull(etag);
        assertNotNull(lastModified);

        Response unchanged = given().header("If-None-Match", etag).get("/cache-etags");
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.asString());
        assertEquals(304, given().header("If-Modified-Since", lastModified).get("/cache-etags").statusCode());

        content.publish("cache-etags", "Library adds evening hours", Instant.now().minusSeconds(10));
        Response changed = given().header("If-None-Match", etag).get("/cache-etags");
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.header("ETag"));
        assertTrue(changed.asString().contains("Library adds evening hours"));
        assertEquals(200, given().header("If-Modified-Since", lastModified).get("/cache-etags").statusCode(),
                "a change moves Last-Modified on");
        assertTrue(body(story.url()).contains("Library opens on Sundays"));
    }

    @Test
    void htmlFeedsAndSitemapsAreGzippedForClientsThatAskAndVaryOnIt() throws IOException {
        for (String page : List.of("/", "/feed.xml", "/sitemap.xml", "/sitemap-news.xml")) {
            for (int i = 0; i < 2; i++) { // rendered, then from memory
                Response gzipped = raw().header("Accept-Encoding", "gzip").get(page);
                assertEquals(200, gzipped.statusCode(), page);
                assertEquals("gzip", gzipped.header("Content-Encoding"), page);
                assertTrue(gzipped.header("Vary").contains("Accept-Encoding"), page);
                Response plain = raw().header("Accept-Encoding", "identity").get(page);
                assertNull(plain.header("Content-Encoding"), page);
                assertTrue(plain.header("Vary").contains("Accept-Encoding"), page);
                assertEquals(plain.asString(), gunzip(gzipped.asByteArray()), "the same page either way: " + page);
                assertNotEquals(plain.header("ETag"), gzipped.header("ETag"), "each form has its own strong ETag");
            }
        }
        assertNull(raw().header("Accept-Encoding", "gzip;q=0").get("/").header("Content-Encoding"), "q=0 refuses gzip");
    }

    @Test
    void headAnswersWithTheLengthOfTheBody() {
        int length = raw().header("Accept-Encoding", "identity").get("/").asByteArray().length;
        for (int i = 0; i < 2; i++) {
            Response head = raw().header("Accept-Encoding", "identity").head("/");
            assertEquals(200, head.statusCode());
            assertEquals(String.valueOf(length), head.header("Content-Length"));
            assertEquals(0, head.asByteArray().length);
        }
    }

    @Test
    void publicPagesMayBeKeptByCdnsAndNewsroomPagesNever() {
        String cacheControl = given().get("/").header("Cache-Control");
        assertTrue(cacheControl.contains("public") && cacheControl.contains("s-maxage"), cacheControl);

        Response login = given().get("/login");
        assertNotNull(login.header("Set-Cookie"), "the sign-in page sets its CSRF cookie");
        assertNoSharedCaching(login);
        NewsroomSession editor = NewsroomSession.signIn("admin", "test-admin-password");
        for (String path : List.of("/admin/articles", "/admin/articles/new")) {
            Response page = editor.request().get(path);
            assertEquals(200, page.statusCode(), path);
            assertNoSharedCaching(page);
            assertNull(page.header("ETag"), path);
        }
    }

    @Test
    void cachedPagesAreCountedAndTheCacheStaysWithinItsBounds() {
        warm(List.of("/"));
        double hits = hits();
        given().get("/").then().statusCode(200);
        assertEquals(hits + 1, hits(), "served from memory");

        var generation = new media.icaro.news.domain.ContentGeneration.Generation(Long.MIN_VALUE, Instant.now());
        for (int i = 0; i < 5200; i++) {
            cache.store("/bounds-test-" + i, "page " + i, "text/plain", generation);
        }
        assertTrue(metrics.get("news.page.cache.entries").gauge().value() <= 5000);
        String large = "x".repeat(1 << 20);
        for (int i = 0; i < 80; i++) {
            cache.store("/bounds-large-" + i, large + i, "text/plain", generation);
        }
        assertTrue(metrics.get("news.page.cache.bytes").gauge().value() <= 64 * 1024 * 1024);
    }

    @Test
    void aBurstOfReadersOfAChangedPageCostsOneRendering() throws Exception {
        content.section("cache-burst");
        content.publish("cache-burst", "Crowds gather for the regatta", Instant.now().minusSeconds(60));
        warm(List.of("/cache-burst"));
        content.publish("cache-burst", "Regatta postponed by the wind", Instant.now().minusSeconds(10));

        double rendered = renders();
        List<java.util.concurrent.Callable<String>> readers = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            readers.add(() -> body("/cache-burst"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        try {
            for (var answer : pool.invokeAll(readers)) {
                assertTrue(answer.get().contains("Regatta postponed by the wind"));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(rendered + 1, renders(), "24 simultaneous readers, one rendering");
    }

    private double renders() {
        return metrics.get("news.page.cache.requests").tag("result", "miss").counter().count();
    }

    private static void assertNoSharedCaching(Response response) {
        String cacheControl = response.header("Cache-Control");
        assertNotNull(cacheControl, "a Cache-Control that forbids keeping it");
        assertTrue(cacheControl.contains("no-store") || cacheControl.contains("private"), cacheControl);
        assertFalse(cacheControl.contains("public"), cacheControl);
    }

    /** Renders each page, then checks that reading it again comes from memory. */
    private void warm(List<String> pages) {
        Map<String, String> first = new LinkedHashMap<>();
        pages.forEach(p -> first.put(p, body(p)));
        double before = hits();
        pages.forEach(p -> assertEquals(first.get(p), body(p), p));
        assertEquals(before + pages.size(), hits(), "every warmed page came from memory");
    }

    private double hits() {
        return metrics.get("news.page.cache.requests").tag("result", "hit").counter().count();
    }

    private static String body(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals(200, response.statusCode(), path);
        return response.asString();
    }

    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
