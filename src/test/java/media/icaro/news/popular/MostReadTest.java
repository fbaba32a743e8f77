package media.icaro.news.popular;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.PreviewLinks;
import media.icaro.news.web.HeadingOutlineTest;
import media.icaro.news.web.PageCache;

/**
 * "Most read" as readers see it. The suite shares one application whose sharing runs only by hand
 * ({@code news.most-read.every=off} in tests), so each test starts and ends without views or a list,
 * and runs a share-and-rank ({@link MostRead#sync()}) where an interval would have passed.
 */
@QuarkusTest
class MostReadTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    static final String SECTION = "most-read-desk";
    /** Long before every other test's stories, so that none of these leads the front page. */
    static final Instant LONG_AGO = Instant.parse("2019-03-04T10:00:00Z");

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    MostRead mostRead;

    @Inject
    ViewCounter counter;

    @Inject
    ViewSharing sharing;

    @Inject
    ArticleViewsRepository buckets;

    @Inject
    PageCache pages;

    @Inject
    MostReadChanges changes;

    @Inject
    PreviewLinks previewLinks;

    @Inject
    ArticleService articles;

    @Inject
    EntityManager entityManager;

    @Inject
    EntityManagerFactory entityManagerFactory;

    private static int stories;

    @BeforeEach
    @AfterEach
    void noViews() {
        counter.drain();
        QuarkusTransaction.requiringNew().run(buckets::deleteAll);
        mostRead.sync();
        assertTrue(TestContent.page("/").select(".most-read").isEmpty(), "no list without views");
    }

    @Test
    void viewsAreCountedWhetherThePageIsRenderedOrServedFromMemory() {
        ArticleView story = publish("Harbour ferry timetable changes");
        assertNull(pages.fresh(story.url()), "not rendered yet");
        String etag = reader().get(story.url()).then().statusCode(200).extract().header("ETag");
        assertNotNull(pages.fresh(story.url()), "kept in memory after the first view");
        reader().get(story.url()).then().statusCode(200);
        reader().header("If-None-Match", etag).get(story.url()).then().statusCode(304);
        mostRead.sync();
        assertEquals(3, stored(story.id()), "rendered, from memory, and not modified");
    }

    @Test
    void botsHeadRequestsPrefetchesRedirectsAndPreviewsAreNotCounted() {
        ArticleView story = publish("Lighthouse restoration finished");
        reader().get(story.url()).then().statusCode(200);
        for (String agent : List.of("Googlebot/2.1 (+http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; bingbot/2.0)",
                "Mozilla/5.0 (compatible; YandexSpider/3.0)", "Sogou web crawler", "Slackbot-LinkExpanding 1.0",
                "Mozilla/5.0 (compatible; Link Preview)", "")) {
            given().header("User-Agent", agent).get(story.url()).then().statusCode(200);
        }
        reader().head(story.url()).then().statusCode(200);
        reader().header("Sec-Purpose", "prefetch").get(story.url()).then().statusCode(200);
        reader().header("Sec-Purpose", "prefetch;prerender").get(story.url()).then().statusCode(200);
        reader().header("Purpose", "prefetch").get(story.url()).then().statusCode(200);
        reader().redirects().follow(false).get(story.url().replace("/" + SECTION + "/", "/politics/")).then().statusCode(301);
        reader().get(story.url() + "-no-such-story").then().statusCode(404);
        String preview = previewLinks.linkFor(story.id(), Instant.now());
        reader().get(preview).then().statusCode(200);
        mostRead.sync();
        assertEquals(1, stored(story.id()), "only the reader's view");
    }

    @Test
    void theFrontPageListsTheMostReadAfterTheTopStories() {
        List<ArticleView> read = readMostFirst("Tram line extension approved", "City library opens on Sundays",
                "Bridge repairs close one lane");
        Document before = TestContent.page("/");
        assertTrue(before.select(".most-read").isEmpty(), "nothing shared yet: the list waits for the interval");

        mostRead.sync();
        Document front = TestContent.page("/");
        assertEquals(headlines(read), listed(front), "the most read first, though published first");
        Element block = front.selectFirst("section.most-read");
        Element heading = block.selectFirst("h2");
        assertEquals("Most read", heading.text());
        assertEquals(heading.id(), block.attr("aria-labelledby"));
        assertEquals(3, block.select("ol > li").size(), "an ordered list: its numbers are the ranks");
        assertEquals(read.get(0).url(), block.selectFirst("ol > li > a").attr("href"));
        assertEquals("Test " + SECTION, block.selectFirst("ol > li .most-read-section").text());
        assertTrue(block.previousElementSibling().hasClass("top-stories"), "after the top stories");
        HeadingOutlineTest.assertOutline(front, "/");
    }

    @Test
    void anArticlePageLeavesItselfOutAndShowsTheNextOne() {
        List<ArticleView> ranked = readMostFirst(IntStream.range(0, 7).mapToObj(i -> "Regional news in brief number " + i)
                .toArray(String[]::new));
        mostRead.sync();
        List<String> headlines = headlines(ranked);

        assertEquals(headlines.subList(0, 5), listed(TestContent.page("/")), "the five most read");
        Document firstPage = TestContent.page(ranked.get(0).url());
        assertEquals(headlines.subList(1, 6), listed(firstPage), "the most read without itself: the sixth moves up");
        Document thirdPage = TestContent.page(ranked.get(2).url());
        assertEquals(List.of(headlines.get(0), headlines.get(1), headlines.get(3), headlines.get(4), headlines.get(5)),
                listed(thirdPage));
        assertEquals(headlines.subList(0, 5), listed(TestContent.page(ranked.get(6).url())), "a page not in the list");

        Element block = thirdPage.selectFirst("section.most-read");
        assertTrue(block.previousElementSibling().is("aside.related"), "right after Related");
        HeadingOutlineTest.assertOutline(thirdPage, ranked.get(2).url());
    }

    @Test
    void anUnpublishedStoryLeavesTheListAtOnceAndAStoryNotLiveNeverShows() {
        List<ArticleView> read = readMostFirst("Harbour cranes replaced", "Market hall gets a new roof",
                "School term starts a week later");
        ArticleView scheduled = content.publish(SECTION, "Festival programme announced", Instant.now().plus(2, ChronoUnit.DAYS));
        ArticleView draft = content.draft(SECTION, "Draft about the harbour", LONG_AGO, List.of());
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        sharing.add(Map.of(new ArticleViews.Bucket(hour, scheduled.id()), 50L, new ArticleViews.Bucket(hour, draft.id()), 40L));
        mostRead.sync();
        assertEquals(headlines(read), listed(TestContent.page("/")), "a scheduled story and a draft never show, however counted");

        editorial.unpublish(read.get(1).id(), Editor.SYSTEM);
        List<String> left = List.of(read.get(0).headline(), read.get(2).headline());
        assertEquals(left, listed(TestContent.page("/")), "before the next interval");
        mostRead.sync();
        assertEquals(left, listed(TestContent.page("/")));
    }

    @Test
    void theListCountsTheLast24HoursOnly() {
        ArticleView yesterday = publish("Yesterday's most read story");
        ArticleView today = publish("Today's quieter story");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        sharing.add(Map.of(new ArticleViews.Bucket(hour.minus(24, ChronoUnit.HOURS), yesterday.id()), 100L,
                new ArticleViews.Bucket(hour.minus(23, ChronoUnit.HOURS), today.id()), 1L));
        mostRead.sync();
        assertEquals(List.of(today.headline()), listed(TestContent.page("/")));
    }

    @Test
    void pagesChangeOnlyWhenTheListDoes() {
        ArticleView first = publish("Ferry strike called off");
        ArticleView second = publish("New bus routes from Monday");
        read(first, 2);
        read(second, 1);
        mostRead.sync();
        int fired = changes.fired();
        TestContent.page("/");
        assertNotNull(pages.fresh("/"), "the front page with the list, kept");

        mostRead.sync();
        read(first, 1);
        mostRead.sync();
        assertEquals(fired, changes.fired(), "the same list: no change, so the pages in memory stay");

        read(second, 3);
        mostRead.sync();
        assertEquals(fired + 1, changes.fired(), "a new order");
        assertNull(pages.fresh("/"), "the front page with the old order is not served again");
        assertEquals(List.of(second.headline(), first.headline()), listed(TestContent.page("/")));
    }

    /** Pages read the list from memory: once it is built for the current generation, a page costs no query more. */
    @Test
    void theListCostsPagesNoQuery() {
        ArticleView story = publish("Night buses return");
        long frontWithout = statementsToRender("/");
        long articleWithout = statementsToRender(story.url());
        read(story, 2);
        read(publish("Night buses: the new timetable"), 1);
        mostRead.sync();
        assertEquals(frontWithout, statementsToRender("/"), "the front page with the list");
        assertEquals(articleWithout, statementsToRender(story.url()), "an article page with the list");
        assertEquals(1, listed(TestContent.page(story.url())).size());
    }

    /** Two instances (threads here) adding to the same new buckets at the same moment, round after round. */
    @Test
    void instancesAddingToTheSameBucketsAtOnceLoseNothing() throws Exception {
        ArticleView one = publish("Council budget passes");
        ArticleView two = publish("Council budget: what changes");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        int instances = 4;
        int rounds = 12;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                running.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        Instant bucket = hour.minus(round, ChronoUnit.HOURS);
                        together.await();
                        sharing.add(Map.of(new ArticleViews.Bucket(bucket, one.id()), 1L, new ArticleViews.Bucket(bucket, two.id()), 2L));
                    }
                    return null;
                }));
            }
            for (Future<?> instance : running) {
                instance.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(instances * rounds, stored(one.id()));
        assertEquals(2L * instances * rounds, stored(two.id()));
        assertEquals(rounds, QuarkusTransaction.requiringNew().call(() -> buckets.count("articleId", one.id())), "one row an hour");
    }

    @Test
    void viewsWaitWhileTheyCannotBeWrittenAndArriveAfterwards() {
        ArticleView story = publish("Airport runway reopens");
        read(story, 2);
        tableAway(true);
        try {
            assertThrows(RuntimeException.class, () -> sharing.flush(Instant.now()));
            assertEquals(2, sharing.unsavedViews());
            read(story, 1);
            mostRead.sync();
            assertEquals(3, sharing.unsavedViews(), "kept, with the new ones, while the database refuses them");
        } finally {
            tableAway(false);
        }
        mostRead.sync();
        assertEquals(0, sharing.unsavedViews());
        assertEquals(3, stored(story.id()));
        assertEquals(List.of(story.headline()), listed(TestContent.page("/")));
    }

    /** An instance that keeps at most three hours of one article while the database refuses them. */
    @Test
    void viewsWaitingForTheDatabaseAreBoundedTheOldestHoursGoingFirst() {
        ArticleView story = publish("Coastal path reopens after landslip");
        ViewCounter views = new ViewCounter();
        ViewSharing bounded = new ViewSharing(views, buckets, articles, 3);
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String slug = story.url().substring(story.url().lastIndexOf('/') + 1);
        tableAway(true);
        try {
            for (int back = 3; back >= 0; back--) {
                views.count(slug);
                views.count(slug);
                Instant at = hour.minus(back, ChronoUnit.HOURS);
                assertThrows(RuntimeException.class, () -> bounded.flush(at));
            }
            assertEquals(6, bounded.unsavedViews(), "the oldest of four hours dropped (and logged), three kept");
        } finally {
            tableAway(false);
        }
        bounded.flush(hour);
        assertEquals(0, bounded.unsavedViews());
        assertEquals(6, stored(story.id()));
    }

    @Test
    void hoursOlderThanTwoDaysAreDeleted() {
        ArticleView story = publish("Old news about the harbour");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        sharing.add(Map.of(new ArticleViews.Bucket(hour.minus(49, ChronoUnit.HOURS), story.id()), 5L,
                new ArticleViews.Bucket(hour.minus(47, ChronoUnit.HOURS), story.id()), 7L));
        sharing.flush(Instant.now().plus(1, ChronoUnit.HOURS));
        assertEquals(7, stored(story.id()), "the hour 49 hours back is gone an hour later; 47 hours back stays");
        assertFalse(listed(TestContent.page("/")).contains(story.headline()), "nor does either count as the last 24 hours");
    }

    private ArticleView publish(String headline) {
        content.section(SECTION);
        return content.publish(SECTION, headline, LONG_AGO.plus(stories++, ChronoUnit.MINUTES));
    }

    /** Publishes these stories and reads each, the first the most: the order they are listed in. */
    private List<ArticleView> readMostFirst(String... headlines) {
        List<ArticleView> published = Arrays.stream(headlines).map(this::publish).toList();
        for (int i = 0; i < published.size(); i++) {
            read(published.get(i), published.size() - i);
        }
        return published;
    }

    private static List<String> headlines(List<ArticleView> stories) {
        return stories.stream().map(ArticleView::headline).toList();
    }

    private static RequestSpecification reader() {
        return given().header("User-Agent", BROWSER);
    }

    private static void read(ArticleView story, int times) {
        for (int i = 0; i < times; i++) {
            reader().get(story.url()).then().statusCode(200);
        }
    }

    private long stored(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> buckets.find("articleId", articleId).stream()
                .mapToLong(row -> row.views).sum());
    }

    /** The fewest statements of three renderings, after one that builds what a generation keeps in memory. */
    private long statementsToRender(String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        TestContent.page(path + "?render=warm");
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            TestContent.page(path + "?render=" + i + "-" + stories);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    private static List<String> listed(Document page) {
        return page.select(".most-read ol > li > a").eachText();
    }

    /** The table renamed: the database refuses every write to it, as it would while it is away. */
    private void tableAway(boolean away) {
        String sql = away ? "ALTER TABLE article_view RENAME TO article_view_away" : "ALTER TABLE article_view_away RENAME TO article_view";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }
}
