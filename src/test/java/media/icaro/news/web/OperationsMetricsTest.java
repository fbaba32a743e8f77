package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What an admin's Prometheus scraper reads at {@code /q/metrics}: requests by route with their time,
 * pages served from memory, searches and publishes. Each figure is read before and after the requests
 * that must move it.
 */
@QuarkusTest
class OperationsMetricsTest {

    private static final String SEED = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    @Test
    void requestsAreCountedAndTimedByRoute() {
        String address = SEED + "?metrics-test=" + System.nanoTime();
        double rendered = value("news_http_requests_seconds_count", "method=\"GET\",route=\"ArticlePage.get\",status=\"200\"");
        double fromMemory = value("news_http_requests_seconds_count", "method=\"GET\",route=\"page-cache\",status=\"200\"");
        double missing = value("news_http_requests_seconds_count", "method=\"GET\",route=\"ArticlePage.get\",status=\"404\"");

        given().get(address).then().statusCode(200);
        given().get(address).then().statusCode(200);
        given().get("/politics/2024/06/18/no-such-story").then().statusCode(404);

        assertEquals(rendered + 1, value("news_http_requests_seconds_count", "method=\"GET\",route=\"ArticlePage.get\",status=\"200\""));
        assertEquals(fromMemory + 1, value("news_http_requests_seconds_count", "method=\"GET\",route=\"page-cache\",status=\"200\""));
        assertEquals(missing + 1, value("news_http_requests_seconds_count", "method=\"GET\",route=\"ArticlePage.get\",status=\"404\""));
        assertTrue(value("news_http_requests_seconds_sum", "method=\"GET\",route=\"ArticlePage.get\",status=\"200\"") > 0,
                "the rendering time is recorded");
    }

    @Test
    void searchesArePublishedWithTheirTime() {
        double before = value("news_search_queries_seconds_count", "");
        given().get("/search?q=korea&metrics-test=" + System.nanoTime()).then().statusCode(200);
        assertEquals(before + 1, value("news_search_queries_seconds_count", ""));
        assertTrue(metrics().contains("news_search_queries_seconds{quantile=\"0.99\""), "the 99th percentile is published");
    }

    @Test
    void aPublishIsCountedOnceADraftIsNot() {
        double before = value("news_articles_published_total", "by=\"editor\"");
        given().auth().preemptive().basic("admin", "test-admin-password").contentType("application/json")
                .body("{\"headline\": \"Metrics draft " + System.nanoTime() + "\", \"body\": \"Text.\", \"section\": \"politics\"}")
                .post("/api/v1/articles").then().statusCode(201);
        assertEquals(before, value("news_articles_published_total", "by=\"editor\""));
        given().auth().preemptive().basic("admin", "test-admin-password").contentType("application/json")
                .body("{\"headline\": \"Metrics publish " + System.nanoTime() + "\", \"body\": \"Text.\", \"section\": \"politics\","
                        + " \"status\": \"published\"}")
                .post("/api/v1/articles").then().statusCode(201);
        assertEquals(before + 1, value("news_articles_published_total", "by=\"editor\""));
    }

    private static String metrics() {
        return given().auth().preemptive().basic("admin", "test-admin-password").get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    /** The value of one series, 0 while it does not exist yet; labels as Prometheus prints them, sorted. */
    private static double value(String name, String labels) {
        String series = labels.isEmpty() ? name + "(\\{[^}]*\\})?" : name + "\\{" + Pattern.quote(labels) + "[,}]";
        Matcher m = Pattern.compile("^" + series + "[^ ]* ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(m.groupCount())) : 0;
    }
}
