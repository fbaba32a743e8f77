package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;

import media.icaro.news.TestContent;

/** The layout links its stylesheet and icons under content-hashed names that may be kept for a year. */
@QuarkusTest
class StaticAssetsTest {

    @Test
    void theStylesheetHasAHashedNameAndMayBeKeptForAYear() {
        Document page = TestContent.page("/");
        String href = page.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(href.matches("/static/site\\.[0-9a-z]{12}\\.css"), href);

        Response hashed = given().get(href);
        assertEquals(200, hashed.statusCode());
        assertTrue(hashed.contentType().startsWith("text/css"), hashed.contentType());
        assertEquals("public, max-age=31536000, immutable", hashed.header("Cache-Control"));
        assertArrayEquals(given().get("/static/site.css").asByteArray(), hashed.asByteArray(), "the same stylesheet");

        assertEquals(304, given().header("If-None-Match", hashed.header("ETag")).get(href).statusCode());
        Response gzipped = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get(href);
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertTrue(gzipped.header("Vary").contains("Accept-Encoding"));
        assertEquals(404, given().get(href.replaceAll("\\.[0-9a-z]{12}\\.", ".000000000000.")).statusCode(),
                "a name with another hash is not the stylesheet");
    }

    @Test
    void everyPageLinksIconsThatExistAndAFaviconIsServed() {
        Document page = TestContent.page("/");
        assertEquals(2, page.select("link[rel=icon]").size());
        for (var icon : page.select("link[rel=icon]")) {
            Response response = given().get(icon.attr("href"));
            assertEquals(200, response.statusCode(), icon.attr("href"));
            assertEquals(icon.attr("type"), response.contentType().replaceAll(";.*", ""));
        }
        Response favicon = given().get("/favicon.ico");
        assertEquals(200, favicon.statusCode());
        byte[] ico = favicon.asByteArray();
        assertTrue(ico.length > 22 && ico[0] == 0 && ico[1] == 0 && ico[2] == 1 && ico[3] == 0, "an ICO file");
    }
}
