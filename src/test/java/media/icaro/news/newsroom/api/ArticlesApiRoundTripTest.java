package media.icaro.news.newsroom.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.NewsroomSession;

/**
 * The JSON API as a wire client uses it, through HTTP only: create, read, replace, a stale replace,
 * wrong input, unpublish; and what readers then see. Nothing is injected, so
 * {@link ArticlesApiRoundTripIT} runs the same against the packaged jar.
 */
@QuarkusTest
class ArticlesApiRoundTripTest {

    static final String SECTION = "api-journeys";
    static final String ARTICLES = "/api/v1/articles";

    @BeforeEach
    void ensureSection() {
        if (admin().get("/api/v1/sections/" + SECTION).statusCode() == 404) {
            admin().body(Map.of("slug", SECTION, "name", "API journeys")).post("/api/v1/sections").then().statusCode(201);
        }
    }

    @Test
    void anArticleIsCreatedReadReplacedAndUnpublished() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("headline", "Wire journey: grain ships leave the port");
        sent.put("standfirst", "The first convoy in a month.");
        sent.put("body", "Three ships left at *dawn*.\n\nMore are expected.");
        sent.put("section", SECTION);
        sent.put("tags", List.of("Wire journey grain"));
        sent.put("bylines", List.of("Wire Journey Desk"));
        sent.put("status", "published");
        sent.put("publishedAt", "2023-10-02T08:15:00+02:00");

        Response created = admin().body(sent).post(ARTICLES);
        created.then().statusCode(201).contentType(ContentType.JSON);
        JsonPath article = created.jsonPath();
        String location = created.header("Location").replaceFirst("^https?://[^/]+", "");
        assertEquals(ARTICLES + "/" + article.getLong("id"), location);
        assertEquals("published", article.getString("status"));
        assertEquals("/" + SECTION + "/2023/10/02/wire-journey-grain-ships-leave-the-port", article.getString("url"));

        JsonPath read = admin().get(location).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals("Wire journey: grain ships leave the port", read.getString("headline"));
        assertEquals(List.of("Wire Journey Desk"), read.getList("bylines"));
        assertEquals(article.getLong("version"), read.getLong("version"));

        Document page = page(article.getString("url"));
        assertEquals("Wire journey: grain ships leave the port", page.selectFirst("h1").text());
        assertEquals("dawn", page.selectFirst(".article-body em").text());
        assertEquals("02/10/2023 08h15", page.selectFirst(".dateline time").text());

        Map<String, Object> replaced = read.getMap("");
        replaced.put("headline", "Wire journey: grain ships leave the port under escort");
        JsonPath saved = admin().body(replaced).put(location).then().statusCode(200).extract().jsonPath();
        assertEquals(read.getLong("version") + 1, saved.getLong("version"));
        assertEquals("Wire journey: grain ships leave the port under escort", page(article.getString("url")).selectFirst("h1").text());

        replaced.put("headline", "Wire journey: an edit made on an old version");
        Response stale = admin().body(replaced).put(location);
        stale.then().statusCode(409).contentType(ContentType.JSON);
        assertEquals(List.of("version"), stale.jsonPath().getList("errors.field"));
        assertEquals("Wire journey: grain ships leave the port under escort", admin().get(location).jsonPath().getString("headline"),
                "the stale save changed nothing");

        admin().delete(location).then().statusCode(204);
        given().redirects().follow(false).get(article.getString("url")).then().statusCode(404);
        assertEquals("unpublished", admin().get(location).jsonPath().getString("status"));
    }

    @Test
    void wrongInputIsRefusedAsJsonNamingEachField() {
        int before = inSection();
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("body", "Wire journey: a story without its headline.");
        sent.put("section", SECTION);
        sent.put("kind", "feature");
        sent.put("pinnedRelated", List.of("wire-journey-no-such-story"));
        Response refused = admin().body(sent).post(ARTICLES);
        refused.then().statusCode(400).contentType(ContentType.JSON);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map<String, String> error : refused.jsonPath().<Map<String, String>>getList("errors")) {
            errors.put(error.get("field"), error.get("message"));
        }
        assertEquals(List.of("headline", "kind", "pinnedRelated"), errors.keySet().stream().sorted().toList(), refused.asString());
        assertEquals("Write a headline", errors.get("headline"));
        assertEquals("No article matches 'wire-journey-no-such-story'", errors.get("pinnedRelated"));

        Response malformed = admin().body("{\"headline\": ").post(ARTICLES);
        malformed.then().statusCode(400).contentType(ContentType.JSON);
        assertNull(malformed.jsonPath().getString("errors[0].field"));
        assertTrue(malformed.jsonPath().getString("errors[0].message").startsWith("The body is not valid JSON"));
        assertEquals(before, inSection(), "nothing saved");
    }

    /** How many articles the section holds, in any status. */
    static int inSection() {
        return admin().queryParam("section", SECTION).queryParam("limit", "100").get(ARTICLES).then().statusCode(200)
                .extract().jsonPath().getList("articles").size();
    }

    /** A JSON request signed in with HTTP Basic as the test profile's first admin. */
    static RequestSpecification admin() {
        return given().redirects().follow(false).auth().preemptive().basic(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD)
                .contentType(ContentType.JSON);
    }

    /** A public page, read as a reader does. */
    static Document page(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.asString(), "http://localhost" + path);
    }
}
