package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServerErrorPageTest {

    @Test
    void anUnexpectedErrorAnswersTheErrorPageWithoutItsDetails() {
        String html = given().get("/test-failure").then().statusCode(500).contentType("text/html").extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals("Something went wrong", page.selectFirst("main h1").text());
        assertNotNull(page.selectFirst("header nav"), "in the layout");
        assertFalse(html.contains("secret-internal-detail"), html);
        assertFalse(html.contains("IllegalStateException"), html);
        assertFalse(html.contains("at media.icaro"), html);
    }
}
