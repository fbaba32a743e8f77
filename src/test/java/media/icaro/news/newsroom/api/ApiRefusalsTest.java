package media.icaro.news.newsroom.api;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.api.ApiClient.CONTRIBUTOR;
import static media.icaro.news.newsroom.api.ApiClient.EDITOR;
import static media.icaro.news.newsroom.api.ApiClient.article;
import static media.icaro.news.newsroom.api.ApiClient.as;
import static media.icaro.news.newsroom.api.ApiClient.assertErrors;
import static media.icaro.news.newsroom.api.ArticlesApiTest.assertNoArticleMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import media.icaro.news.TestContent;

/**
 * What the API refuses before any article is touched (sign-in, roles, unknown addresses, size and
 * content type), always answering in its JSON error format, never with the site's HTML pages.
 */
@QuarkusTest
class ApiRefusalsTest {

    static final String SECTION = ArticlesApiTest.SECTION;
    static final String ARTICLES = "/api/v1/articles";

    @Inject
    ApiClient client;

    @Inject
    TestContent content;

    @BeforeEach
    void setUp() {
        client.ensureAccounts();
        content.section(SECTION);
    }

    @Test
    void withoutCredentialsTheAnswerIs401WithABasicChallenge() {
        Response response = given().redirects().follow(false).get(ARTICLES);
        assertErrors(response, 401, (String) null);
        assertEquals("Basic realm=\"newsroom\"", response.header("WWW-Authenticate"));

        Response post = given().redirects().follow(false).contentType(ContentType.JSON)
                .body(article(SECTION, "Api story posted anonymously")).post(ARTICLES);
        assertErrors(post, 401, (String) null);
        assertNoArticleMatches("Api story posted anonymously");
    }

    @Test
    void wrongCredentialsAre401() {
        // A single failed sign-in: every test signs in from the same address, which too many failures would lock.
        Response response = given().redirects().follow(false).auth().preemptive().basic(EDITOR, "not-the-password-at-all")
                .get(ARTICLES);
        assertErrors(response, 401, (String) null);
        assertEquals("Basic realm=\"newsroom\"", response.header("WWW-Authenticate"));
    }

    @Test
    void contributorsAreRefused() {
        assertErrors(as(CONTRIBUTOR).get(ARTICLES), 403, (String) null);
        assertErrors(as(CONTRIBUTOR).body(article(SECTION, "Api story by a contributor")).post(ARTICLES), 403, (String) null);
        assertNoArticleMatches("Api story by a contributor");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api", "/api/", "/api/v1", "/api/v1/nothing-here", "/api/v2/articles", "/api/v1/articles/abc",
            "/api/v1/articles/1/revisions" })
    void unknownApiAddressesAre404InJson(String path) {
        assertErrors(as(EDITOR).get(path), 404, (String) null);
        assertErrors(given().redirects().follow(false).get(path), 404, (String) null);
    }

    @Test
    void anUnsupportedMethodIs405InJson() {
        Response response = as(EDITOR).body("{}").patch(ARTICLES);
        assertErrors(response, 405, (String) null);
    }

    @Test
    void aBodyOverFiveMegabytesIs413() {
        Map<String, Object> huge = article(SECTION, "Api story far too long");
        huge.put("body", "x".repeat(6_000_000));
        assertErrors(as(EDITOR).body(huge).post(ARTICLES), 413, (String) null);
        assertNoArticleMatches("Api story far too long");
    }

    @Test
    void anythingButJsonIs415() {
        assertErrors(as(EDITOR).contentType(ContentType.TEXT).body("headline: Api story as text").post(ARTICLES), 415,
                (String) null);
        assertErrors(as(EDITOR).contentType(ContentType.TEXT).body("headline: Api story as text").put(ARTICLES + "/1"), 415,
                (String) null);
        assertNoArticleMatches("Api story as text");
    }

    @Test
    void aFormPostIs415SoABrowserFormCannotForgeOne() {
        Response response = given().redirects().follow(false).auth().preemptive().basic(EDITOR, ApiClient.PASSWORD)
                .contentType(ContentType.URLENC).formParam("headline", "Api story from a forged form")
                .formParam("body", "Forged").formParam("section", SECTION).post(ARTICLES);
        assertErrors(response, 415, (String) null);
        assertNoArticleMatches("Api story from a forged form");
    }

    @Test
    void pagesOutsideTheApiKeepTheirHtmlErrors() {
        given().redirects().follow(false).get("/apiary/2024/05/01/no-such-story").then().statusCode(404)
                .contentType("text/html");
    }
}
