package media.icaro.news.front;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.newsroom.api.ApiClient;

/** Programmed fronts through the API, as readers then see the front page and a section's page. */
@QuarkusTest
class FrontsTest {

    static final String SECTION = "fronts-test";

    @Inject
    TestContent content;

    @Inject
    ApiClient api;

    @BeforeEach
    void accounts() {
        api.ensureAccounts();
        content.section(SECTION);
    }

    /** Other tests read the front page newest first: leave every front automatic again. */
    @AfterEach
    void automaticAgain() {
        for (String front : List.of("home", SECTION)) {
            editor().body(Map.of("blocks", List.of())).put("/api/v1/fronts/" + front).then().statusCode(200);
        }
    }

    @Test
    void aPinnedLeadLeadsUntilItIsUnpublishedThenTheNewestLeadsAgain() {
        String automatic = leadOf("/");
        ArticleView old = content.publish(SECTION, "An older story the editors lead with", Instant.parse("2021-03-01T10:00:00Z"));

        JsonPath saved = put("home", Map.of("blocks", List.of(block("lead", pin(old.id()))))).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(old.id(), saved.getLong("blocks[0].slots[0].pinned.id"));
        assertTrue(saved.getBoolean("blocks[0].slots[0].pinned.live"));
        assertEquals(old.id(), saved.getLong("blocks[0].slots[0].shows.id"));

        Document front = TestContent.page("/");
        assertEquals(old.url(), leadOf(front));
        assertEquals(1, front.select("main a[href=" + old.url() + "]").size(), "the pinned story shows once");

        editor().delete("/api/v1/articles/" + old.id()).then().statusCode(204);
        front = TestContent.page("/");
        assertEquals(automatic, leadOf(front), "the slot falls back to the newest story");
        assertTrue(front.select("main a[href=" + old.url() + "]").isEmpty(), "an unpublished story never shows");

        JsonPath state = editor().get("/api/v1/fronts/home").then().statusCode(200).extract().jsonPath();
        assertEquals(old.id(), state.getLong("blocks[0].slots[0].pinned.id"), "the pin holds until changed");
        assertFalse(state.getBoolean("blocks[0].slots[0].pinned.live"));
        assertEquals("unpublished", state.getString("blocks[0].slots[0].pinned.status"));
        assertEquals(automatic, state.getString("blocks[0].slots[0].shows.url"));
    }

    @Test
    void aScheduledStoryNeverTakesItsSlotBeforeItsTime() {
        ArticleView later = content.publish(SECTION, "An embargoed story pinned ahead", Instant.now().plusSeconds(3600));
        JsonPath saved = put("home", Map.of("blocks", List.of(block("top", pin(later.id()))))).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("scheduled", saved.getString("blocks[1].slots[0].pinned.status"));
        assertNotEquals(later.id(), saved.getLong("blocks[1].slots[0].shows.id"));
        assertFalse(TestContent.page("/").text().contains(later.headline()));
    }

    @Test
    void topStoriesShowInTheOrderPinnedAndAutomaticSlotsNeverRepeatThem() {
        ArticleView first = content.publish(SECTION, "The editors' first top story", Instant.parse("2021-02-01T10:00:00Z"));
        ArticleView second = content.publish(SECTION, "The editors' second top story", Instant.parse("2021-01-01T10:00:00Z"));
        // By address and by slug: an editor pastes either.
        String slug = second.url().substring(second.url().lastIndexOf('/') + 1);
        put("home", Map.of("blocks", List.of(block("top", Map.of(), pinRef("http://example.org" + first.url()), pinRef(slug)))))
                .then().statusCode(200);

        Document front = TestContent.page("/");
        List<String> top = front.select(".top-stories .card-headline a").eachAttr("href");
        assertEquals(4, top.size(), top.toString());
        assertEquals(List.of(first.url(), second.url()), top.subList(1, 3), "slots 2 and 3 as pinned: " + top);
        List<String> all = front.select("main a[href~=^/[a-z0-9-]+/\\d{4}/]").eachAttr("href");
        assertEquals(all.size(), all.stream().distinct().count(), "no story twice: " + all);
    }

    @Test
    void aSlotCanBeFilledFromATag() {
        ArticleView tagged = content.publish(SECTION, "An older story on the tagged topic", Instant.parse("2020-05-01T10:00:00Z"),
                "Front Fill Topic");
        assertFalse(TestContent.page("/").select(".top-stories").text().contains(tagged.headline()));
        put("home", Map.of("blocks", List.of(block("top", Map.of(), Map.of(), Map.of(), Map.of("fill", "tag:front-fill-topic")))))
                .then().statusCode(200);
        List<String> top = TestContent.page("/").select(".top-stories .card-headline a").eachAttr("href");
        assertEquals(tagged.url(), top.get(3), top.toString());
    }

    @Test
    void aSectionPageLeadsWithItsNewestOrThePinnedStory() {
        ArticleView older = content.publish(SECTION, "The section's older story", Instant.parse("2019-01-01T10:00:00Z"));
        Document page = TestContent.page("/" + SECTION);
        String newest = leadOf(page);
        assertNotEquals(older.url(), newest);
        assertTrue(page.select(".story-list a[href=" + newest + "]").isEmpty(), "the lead is not listed again");

        put(SECTION, Map.of("blocks", List.of(block("lead", pin(older.id()))))).then().statusCode(200);
        page = TestContent.page("/" + SECTION);
        assertEquals(older.url(), leadOf(page));
        assertEquals(1, page.select("main a[href=" + older.url() + "]").size());
        assertEquals(1, page.select(".story-list a[href=" + newest + "]").size(), "the newest follows the lead");
    }

    @Test
    void wrongArrangementsAreRefusedAndChangeNothing() {
        ArticleView story = content.publish(SECTION, "A story pinned twice", Instant.parse("2021-04-01T10:00:00Z"));
        long version = editor().get("/api/v1/fronts/home").jsonPath().getLong("version");

        ApiClient.assertErrors(put("home", Map.of("blocks", List.of(block("lead", pinRef("no-such-story"))))), 400, "lead-1");
        ApiClient.assertErrors(put("home", Map.of("blocks", List.of(block("top", pin(story.id()), pin(story.id()))))), 400, "top-2");
        ApiClient.assertErrors(put("home", Map.of("blocks", List.of(block("top", Map.of("fill", "tag:no-such-tag"))))), 400,
                "top-1-fill");
        ApiClient.assertErrors(put("home", Map.of("blocks", List.of(block("nowhere", pin(story.id()))))), 400, "nowhere-1");
        ApiClient.assertErrors(put("home", Map.of("blocks", List.of(block("lead", pin(story.id()), pin(story.id()))))), 400,
                "lead-2");
        assertEquals(version, editor().get("/api/v1/fronts/home").jsonPath().getLong("version"), "nothing was saved");

        put("home", Map.of("version", version, "blocks", List.of(block("lead", pin(story.id()))))).then().statusCode(200);
        ApiClient.assertErrors(put("home", Map.of("version", version, "blocks", List.of())), 409, "version");
        assertEquals(story.id(), editor().get("/api/v1/fronts/home").jsonPath().getLong("blocks[0].slots[0].pinned.id"),
                "the stale save changed nothing");

        ApiClient.assertErrors(put("no-such-front", Map.of("blocks", List.of())), 404, (String) null);
        ApiClient.assertErrors(given().contentType(ContentType.JSON).body(Map.of("blocks", List.of())).put("/api/v1/fronts/home"),
                401, (String) null);
        ApiClient.assertErrors(ApiClient.as("api-contributor").get("/api/v1/fronts/home"), 403, (String) null);
    }

    @Test
    void theFrontsListNamesTheFrontPageAndEverySection() {
        JsonPath list = editor().get("/api/v1/fronts").then().statusCode(200).extract().jsonPath();
        assertEquals("home", list.getString("fronts[0].name"));
        assertEquals("/", list.getString("fronts[0].url"));
        assertTrue(list.getList("fronts.name").contains(SECTION));
        JsonPath home = editor().get("/api/v1/fronts/home").jsonPath();
        assertEquals(List.of("lead", "top"), home.getList("blocks.name").subList(0, 2));
        assertEquals(4, home.getList("blocks[1].slots").size());
        assertNull(home.get("blocks[0].slots[0].pinned"));
    }

    static String leadOf(String path) {
        return leadOf(TestContent.page(path));
    }

    static String leadOf(Document page) {
        Element lead = page.selectFirst(".lead-story .lead-headline a");
        return lead == null ? null : lead.attr("href");
    }

    @SafeVarargs
    static Map<String, Object> block(String name, Map<String, ?>... slots) {
        return Map.of("name", name, "slots", List.of(slots));
    }

    static Map<String, ?> pin(long id) {
        return Map.of("pinned", id);
    }

    static Map<String, ?> pinRef(String reference) {
        return Map.of("pinned", reference);
    }

    static Response put(String front, Map<String, Object> body) {
        return editor().body(body).put("/api/v1/fronts/" + front);
    }

    static RequestSpecification editor() {
        return ApiClient.as("api-editor");
    }
}
