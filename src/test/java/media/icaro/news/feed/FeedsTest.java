package media.icaro.news.feed;

import static io.restassured.RestAssured.given;
import static media.icaro.news.feed.Xml.ATOM;
import static media.icaro.news.feed.Xml.CONTENT;
import static media.icaro.news.feed.Xml.DC;
import static media.icaro.news.feed.Xml.MEDIA;
import static media.icaro.news.feed.Xml.NONE;
import static media.icaro.news.feed.Xml.child;
import static media.icaro.news.feed.Xml.children;
import static media.icaro.news.feed.Xml.text;
import static media.icaro.news.feed.Xml.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.EditorialService;

/** RSS 2.0 feeds of the site, a section and a tag, read with an XML parser. */
@QuarkusTest
class FeedsTest {

    static final String SEED_URL = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";
    static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    static final int MANY = FeedService.ITEMS + 2;

    @Inject
    TestContent content;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @BeforeEach
    void fill() {
        if (Filled.done) {
            return;
        }
        content.section("feed-news");
        content.section("feed-other");
        content.section("feed-many");
        content.publish("feed-news", "Feed story one", START, "feed-topic");
        content.publish("feed-news", "Feed Q&A: <markup> & \"quotes\" in headlines", START.plus(1, ChronoUnit.DAYS));
        content.publish("feed-other", "Feed story in the other section", START.plus(2, ChronoUnit.DAYS), "feed-topic");
        content.create(TestContent.story("feed-news", "Feed story with two writers", START.plus(3, ChronoUnit.DAYS))
                .body("Feed body with **bold** words and a [link](https://example.org/).\n\nSecond feed paragraph.")
                .bylines(List.of("Feed Writer Two", "Feed Writer One")).tags(List.of("feed-topic", "feed-extra")).build(),
                EditorialService.Action.PUBLISH);
        for (int i = 0; i < MANY; i++) {
            content.publish("feed-many", "Feed many number " + i, Instant.parse("2023-02-01T08:00:00Z").plus(i, ChronoUnit.HOURS));
        }
        Filled.done = true;
    }

    static class Filled {
        static boolean done;
    }

    @Test
    void siteFeedIsRssWithEveryRequiredElement() {
        Element channel = channel("/feed.xml");
        assertEquals("ICARO Media Group", text(channel, NONE, "title"));
        assertEquals(Xml.base() + "/", text(channel, NONE, "link"));
        assertFalse(text(channel, NONE, "description").isBlank());
        assertEquals("en", text(channel, NONE, "language"));
        rfc822(text(channel, NONE, "lastBuildDate"));
        Element self = child(channel, ATOM, "link");
        assertEquals("self", self.getAttribute("rel"));
        assertEquals(Xml.base() + "/feed.xml", self.getAttribute("href"));
        assertEquals("application/rss+xml", self.getAttribute("type"));

        List<Element> items = children(channel, NONE, "item");
        assertFalse(items.isEmpty());
        assertTrue(items.size() <= FeedService.ITEMS, "at most 50: " + items.size());
        for (Element item : items) {
            assertFalse(text(item, NONE, "title").isBlank());
            String link = text(item, NONE, "link");
            Element guid = child(item, NONE, "guid");
            assertEquals("true", guid.getAttribute("isPermaLink"));
            assertEquals(link, guid.getTextContent());
            child(item, NONE, "description");
            assertFalse(children(item, NONE, "category").isEmpty(), "the section at least: " + link);
            assertTrue(text(item, CONTENT, "encoded").startsWith("<"), "the body's HTML: " + link);
            Xml.answers200(link);
        }
        assertNewestFirst(items);
    }

    @Test
    void feedsAnswerAsRssInUtf8() {
        for (String path : List.of("/feed.xml", "/feed-news/feed.xml", "/tag/feed-topic/feed.xml")) {
            String type = given().get(path).then().statusCode(200).extract().contentType();
            assertEquals("application/rss+xml;charset=utf-8", type.replace(" ", "").toLowerCase(), path);
        }
    }

    @Test
    void itemsCarryDatesCategoriesCreatorsAndTheWholeBody() {
        Element channel = channel("/feed-news/feed.xml");
        Element item = item(channel, "Feed story with two writers");
        assertEquals("Mon, 4 Mar 2024 11:00:00 +0100", text(item, NONE, "pubDate"), "RFC 822 in the site's zone");
        assertEquals(List.of("Feed Writer Two", "Feed Writer One"), texts(item, DC, "creator"), "byline order");
        assertEquals(List.of("Test feed-news", "feed-extra", "feed-topic"), texts(item, NONE, "category"));
        assertEquals("Feed body with bold words and a link.", text(item, NONE, "description"), "the body's summary");
        String body = text(item, CONTENT, "encoded");
        assertTrue(body.contains("<strong>bold</strong>"), body);
        assertTrue(body.contains("<a href=\"https://example.org/\""), body);
        assertTrue(body.contains("<p>Second feed paragraph.</p>"), body);

        Element story = item(channel, "Feed story one");
        assertEquals("Standfirst of Feed story one", text(story, NONE, "description"));
        assertEquals(List.of("Test Reporter"), texts(story, DC, "creator"));
        assertTrue(text(story, CONTENT, "encoded").contains("<em>Feed story one</em>"));
    }

    @Test
    void anItemCarriesItsFeatureImageAsMediaContent() {
        content.section("feed-pictured");
        ArticleView pictured = content.publishWithPicture("feed-pictured", "Feed story with a picture & a caption", START, 1500, 1000,
                "Cranes <over> the \"port\"");
        content.publish("feed-pictured", "Feed story without a picture", START.minus(1, ChronoUnit.DAYS));
        Element channel = channel("/feed-pictured/feed.xml");

        Element media = child(item(channel, "Feed story with a picture & a caption"), MEDIA, "content");
        assertEquals(Xml.base() + "/media/" + pictured.image().picture().id() + "/1024", media.getAttribute("url"),
                "absolute, and a column wide");
        assertEquals("image", media.getAttribute("medium"));
        assertEquals("image/jpeg", media.getAttribute("type"));
        assertEquals("1024", media.getAttribute("width"));
        assertEquals("683", media.getAttribute("height"));
        assertEquals("Cranes <over> the \"port\"", text(media, MEDIA, "description"));
        given().get(Xml.path(media.getAttribute("url"))).then().statusCode(200).contentType("image/jpeg");

        assertTrue(children(item(channel, "Feed story without a picture"), MEDIA, "content").isEmpty());
        assertTrue(queriesFor("/feed-pictured/feed.xml") <= 3, "pictures come with the stories, in the same query");
    }

    @Test
    void markupInHeadlinesIsEscapedNotInterpreted() {
        Element channel = channel("/feed-news/feed.xml");
        Element item = item(channel, "Feed Q&A: <markup> & \"quotes\" in headlines");
        assertEquals(0, item.getElementsByTagName("markup").getLength(), "the headline's markup is text, not an element");
        assertEquals(1, item.getElementsByTagName("title").getLength());
    }

    @Test
    void seedStoryInItsSectionFeed() {
        Element item = item(channel("/politics/feed.xml"), "Russia's Putin Arrives in North Korea for Summit with Kim Jong Un");
        assertEquals(Xml.base() + SEED_URL, text(item, NONE, "link"));
        assertEquals("Tue, 18 Jun 2024 19:15:00 +0200", text(item, NONE, "pubDate"));
        assertEquals(List.of("ICARO Media Group"), texts(item, DC, "creator"));
        assertTrue(texts(item, NONE, "category").containsAll(List.of("Politics", "North Korea", "Kim Jong Un")));
        assertTrue(text(item, CONTENT, "encoded").startsWith("<p>President Vladimir Putin of Russia"));
    }

    @Test
    void sectionFeedHoldsOnlyThatSection() {
        Element channel = channel("/feed-news/feed.xml");
        assertEquals("Test feed-news | ICARO Media Group", text(channel, NONE, "title"));
        assertEquals(Xml.base() + "/feed-news", text(channel, NONE, "link"));
        assertEquals(Xml.base() + "/feed-news/feed.xml", child(channel, ATOM, "link").getAttribute("href"));
        List<Element> items = children(channel, NONE, "item");
        assertEquals(List.of("Feed story with two writers", "Feed Q&A: <markup> & \"quotes\" in headlines", "Feed story one"),
                items.stream().map(i -> text(i, NONE, "title")).toList());
        for (Element item : items) {
            assertTrue(Xml.path(text(item, NONE, "link")).startsWith("/feed-news/2024/"));
            Xml.answers200(text(item, NONE, "link"));
        }
        assertNewestFirst(items);
    }

    @Test
    void tagFeedHoldsOnlyThatTag() {
        Element channel = channel("/tag/feed-topic/feed.xml");
        assertEquals("feed-topic | ICARO Media Group", text(channel, NONE, "title"));
        assertEquals(Xml.base() + "/tag/feed-topic", text(channel, NONE, "link"));
        List<Element> items = children(channel, NONE, "item");
        assertEquals(List.of("Feed story with two writers", "Feed story in the other section", "Feed story one"),
                items.stream().map(i -> text(i, NONE, "title")).toList());
        for (Element item : items) {
            assertTrue(texts(item, NONE, "category").contains("feed-topic"));
            Xml.answers200(text(item, NONE, "link"));
        }
    }

    @Test
    void aFeedHoldsTheNewestFiftyStories() {
        List<Element> items = children(channel("/feed-many/feed.xml"), NONE, "item");
        assertEquals(FeedService.ITEMS, items.size());
        assertEquals("Feed many number " + (MANY - 1), text(items.get(0), NONE, "title"));
        assertEquals("Feed many number 2", text(items.get(items.size() - 1), NONE, "title"));
        assertNewestFirst(items);
    }

    @Test
    void unknownSectionsAndTagsHaveNoFeed() {
        for (String path : List.of("/feed-no-such-section/feed.xml", "/tag/feed-no-such-tag/feed.xml")) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    @Test
    void pagesNameTheirFeeds() {
        assertEquals(Set.of(Xml.base() + "/feed.xml"), feedLinks(TestContent.page("/")));
        assertEquals(Set.of(Xml.base() + "/feed.xml"), feedLinks(TestContent.page(SEED_URL)));
        assertEquals(Set.of(Xml.base() + "/feed.xml", Xml.base() + "/feed-news/feed.xml"),
                feedLinks(TestContent.page("/feed-news")));
        assertEquals(Set.of(Xml.base() + "/feed.xml", Xml.base() + "/tag/feed-topic/feed.xml"),
                feedLinks(TestContent.page("/tag/feed-topic")));
        for (String feed : feedLinks(TestContent.page("/tag/feed-topic"))) {
            Xml.answers200(feed);
        }
    }

    @Test
    void feedQueriesDoNotGrowWithTheFeed() {
        assertTrue(queriesFor("/feed.xml") <= 3, "site feed: stories, tags, bylines");
        assertTrue(queriesFor("/feed-many/feed.xml") <= 3, "section feed: sections are in memory");
        assertTrue(queriesFor("/tag/feed-topic/feed.xml") <= 4, "tag feed: the tag, then as the others");
    }

    /**
     * Statements prepared while serving the path, warm. The count is global, and the scheduled publisher
     * queries every 30 seconds, so the fewest of three tries is the page's own.
     */
    private long queriesFor(String path) {
        given().get(path).then().statusCode(200);
        content.settle();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            given().get(path).then().statusCode(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    private static Set<String> feedLinks(Document page) {
        return page.select("head link[rel=alternate][type=application/rss+xml]").stream()
                .peek(link -> assertFalse(link.attr("title").isBlank()))
                .map(link -> link.attr("href")).collect(Collectors.toSet());
    }

    private static Element channel(String path) {
        org.w3c.dom.Document feed = Xml.get(path, "application/rss+xml");
        Element rss = feed.getDocumentElement();
        assertEquals("rss", rss.getLocalName());
        assertEquals("2.0", rss.getAttribute("version"));
        return child(rss, NONE, "channel");
    }

    private static Element item(Element channel, String title) {
        return children(channel, NONE, "item").stream().filter(i -> title.equals(text(i, NONE, "title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + title));
    }

    private static ZonedDateTime rfc822(String date) {
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static void assertNewestFirst(List<Element> items) {
        List<ZonedDateTime> dates = new ArrayList<>();
        for (Element item : items) {
            dates.add(rfc822(text(item, NONE, "pubDate")));
        }
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(dates.get(i).isAfter(dates.get(i - 1)), "newest first: " + dates);
        }
    }
}
