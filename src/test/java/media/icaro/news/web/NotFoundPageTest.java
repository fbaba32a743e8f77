package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Only HTTP: {@code NotFoundPageIT} runs it against the packaged jar. */
@QuarkusTest
class NotFoundPageTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/no-such-section",
            "/politics/2024/06/18/no-such-story",
            "/no-such-section/2024/06/18/no-such-story",
            "/tag/no-such-tag",
            "/author/no-such-author",
            "/some/deep/unknown/path/that/matches/nothing",
            "/politics/2024/6/18/bad-date-shape" })
    void unknownPathsAnswerTheNotFoundPageInTheLayout(String path) {
        String html = given().redirects().follow(false).get(path)
                .then().statusCode(404).contentType("text/html").extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals("Page not found", page.selectFirst("main h1").text());
        assertNotNull(page.selectFirst("header nav a[href=/politics]"), "the layout's navigation");
        assertNotNull(page.selectFirst("a.skip-link"));
        assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
    }
}
