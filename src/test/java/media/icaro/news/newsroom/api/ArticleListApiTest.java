package media.icaro.news.newsroom.api;

import static media.icaro.news.newsroom.api.ApiClient.EDITOR;
import static media.icaro.news.newsroom.api.ApiClient.as;
import static media.icaro.news.newsroom.api.ApiClient.assertErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import media.icaro.news.TestContent;

/** The article list: filters and cursor paging over a section of its own with more than a page of articles. */
@QuarkusTest
class ArticleListApiTest {

    static final String SECTION = "api-paging";
    static final String ARTICLES = "/api/v1/articles";
    static final int PUBLISHED = 27;
    static final int DRAFTS = 3;

    @Inject
    ApiClient client;

    @Inject
    TestContent content;

    static boolean filled;

    @BeforeEach
    void fill() {
        client.ensureAccounts();
        if (filled) {
            return;
        }
        content.section(SECTION);
        Instant start = Instant.parse("2023-02-01T08:00:00Z");
        for (int i = 0; i < PUBLISHED; i++) {
            content.publish(SECTION, "Api paging story " + i, start.plus(i, ChronoUnit.DAYS));
        }
        for (int i = 0; i < DRAFTS; i++) {
            content.draft(SECTION, "Api paging draft " + i + " mentions zeppelins", start, List.of());
        }
        filled = true;
    }

    @Test
    void cursorsWalkTheSectionNewestChangeFirstEachArticleOnce() {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(EDITOR).queryParam("section", SECTION).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(ARTICLES).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
            List<Map<String, Object>> articles = page.getList("articles");
            assertTrue(articles.size() <= 10, "at most the limit: " + articles.size());
            seen.addAll(articles);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(PUBLISHED + DRAFTS, seen.size());
        assertEquals(seen.size(), new LinkedHashSet<>(seen.stream().map(a -> a.get("id")).toList()).size(), "each once");
        Comparator<Map<String, Object>> newestChangeFirst = Comparator
                .<Map<String, Object>, Instant>comparing(a -> Instant.parse((String) a.get("updatedAt")))
                .thenComparing(a -> ((Number) a.get("id")).longValue()).reversed();
        List<Map<String, Object>> sorted = new ArrayList<>(seen);
        sorted.sort(newestChangeFirst);
        assertEquals(sorted, seen, "newest change first, then highest id");
        for (Map<String, Object> article : seen) {
            assertEquals(SECTION, article.get("section"));
        }
    }

    @Test
    void theDefaultPageHoldsTwentyAndPointsToTheNext() {
        JsonPath page = as(EDITOR).queryParam("section", SECTION).get(ARTICLES).then().statusCode(200).extract().jsonPath();
        assertEquals(20, page.getList("articles").size());
        assertNotNull(page.getString("nextCursor"));
    }

    @Test
    void statusAndHeadlineFilter() {
        JsonPath drafts = as(EDITOR).queryParam("section", SECTION).queryParam("status", "draft").get(ARTICLES)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(DRAFTS, drafts.getList("articles").size());
        assertEquals(List.of("draft"), drafts.getList("articles.status").stream().distinct().toList());
        assertNull(drafts.get("nextCursor"));

        JsonPath published = as(EDITOR).queryParam("section", SECTION).queryParam("status", "published")
                .queryParam("limit", 100).get(ARTICLES).then().statusCode(200).extract().jsonPath();
        assertEquals(PUBLISHED, published.getList("articles").size());

        JsonPath matching = as(EDITOR).queryParam("q", "ZEPPELINS").get(ARTICLES).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(DRAFTS, matching.getList("articles").size(), "q matches words of the headline, in any case");

        JsonPath story = as(EDITOR).queryParam("q", "Api paging story 26").get(ARTICLES).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Api paging story 26"), story.getList("articles.headline"));
    }

    @Test
    void wrongParametersAreNamed() {
        assertErrors(as(EDITOR).queryParam("limit", 0).get(ARTICLES), 400, "limit");
        assertErrors(as(EDITOR).queryParam("limit", 101).get(ARTICLES), 400, "limit");
        assertErrors(as(EDITOR).queryParam("limit", "ten").get(ARTICLES), 400, "limit");
        assertErrors(as(EDITOR).queryParam("cursor", "not-a-cursor").get(ARTICLES), 400, "cursor");
        assertErrors(as(EDITOR).queryParam("status", "live").queryParam("limit", -1).get(ARTICLES), 400, "status", "limit");
    }
}
