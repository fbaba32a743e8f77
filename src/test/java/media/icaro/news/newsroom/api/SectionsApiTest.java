package media.icaro.news.newsroom.api;

import static media.icaro.news.newsroom.api.ApiClient.ADMIN;
import static media.icaro.news.newsroom.api.ApiClient.EDITOR;
import static media.icaro.news.newsroom.api.ApiClient.as;
import static media.icaro.news.newsroom.api.ApiClient.assertErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import media.icaro.news.TestContent;
import media.icaro.news.section.SectionService;

/**
 * Sections over the API: editors list them, admins create them, with the service's checks as field
 * errors. The section created here is deleted afterwards: the front page costs a query per section,
 * and the app is shared with the tests that budget its queries.
 */
@QuarkusTest
class SectionsApiTest {

    static final String SECTIONS = "/api/v1/sections";

    static final String CREATED = "api-science-desk";

    @Inject
    ApiClient client;

    @Inject
    TestContent content;

    @Inject
    SectionService sections;

    @BeforeEach
    void setUp() {
        client.ensureAccounts();
    }

    @AfterEach
    void deleteCreatedSection() {
        sections.findBySlug(CREATED).ifPresent(section -> sections.delete(section.id()));
    }

    @Test
    void editorsListTheSectionsInNavigationOrder() {
        JsonPath json = as(EDITOR).get(SECTIONS).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        List<Map<String, Object>> sections = json.getList("sections");
        assertTrue(sections.size() >= 6, "the seed's sections at least: " + sections.size());
        for (int i = 0; i < sections.size(); i++) {
            assertEquals(i, sections.get(i).get("position"));
        }
        Map<String, Object> politics = sections.stream().filter(s -> "politics".equals(s.get("slug"))).findFirst().orElseThrow();
        assertEquals("/politics", politics.get("url"));
        assertTrue(politics.get("name") instanceof String);
    }

    @Test
    void adminsCreateASection() {
        Map<String, Object> sent = Map.of("slug", CREATED, "name", "Science desk", "description",
                "Made through the API", "position", 999);

        Response response = as(ADMIN).body(sent).post(SECTIONS);

        response.then().statusCode(201).contentType(ContentType.JSON);
        assertTrue(response.header("Location").endsWith(SECTIONS + "/" + CREATED), response.header("Location"));
        JsonPath json = response.jsonPath();
        assertEquals(CREATED, json.getString("slug"));
        assertEquals("Science desk", json.getString("name"));
        assertEquals("Made through the API", json.getString("description"));
        assertEquals("/" + CREATED, json.getString("url"));
        List<Object> slugs = as(EDITOR).get(SECTIONS).then().statusCode(200).extract().jsonPath().getList("sections.slug");
        assertEquals(slugs.size() - 1, json.getInt("position"), "a position past the end puts it last");
        assertEquals(json.getMap(""), as(EDITOR).get(response.header("Location")).then().statusCode(200).extract()
                .jsonPath().getMap(""));
        RestAssured.given().get("/" + CREATED).then().statusCode(200).contentType("text/html");
    }

    @Test
    void reservedTakenAndMalformedSlugsAreRefused() {
        content.section(ArticlesApiTest.SECTION);
        assertErrors(as(ADMIN).body(Map.of("slug", ArticlesApiTest.SECTION, "name", "Twice")).post(SECTIONS), 400, "slug");
        assertErrors(as(ADMIN).body(Map.of("slug", "api", "name", "The API")).post(SECTIONS), 400, "slug");
        assertErrors(as(ADMIN).body(Map.of("slug", "Not A Slug", "name", "Bad")).post(SECTIONS), 400, "slug");
        Map<String, Object> nameless = new HashMap<>();
        nameless.put("slug", "api-nameless");
        assertErrors(as(ADMIN).body(nameless).post(SECTIONS), 400, "name");
        assertErrors(as(ADMIN).body("").post(SECTIONS), 400, (String) null);
        assertErrors(as(EDITOR).get(SECTIONS + "/api-nameless"), 404, (String) null);
    }

    @Test
    void editorsMayNotCreateSections() {
        assertErrors(as(EDITOR).body(Map.of("slug", "api-by-an-editor", "name", "By an editor")).post(SECTIONS), 403,
                (String) null);
        assertErrors(as(EDITOR).get(SECTIONS + "/api-by-an-editor"), 404, (String) null);
    }
}
