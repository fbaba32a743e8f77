package media.icaro.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Path parameters (";x", ";jsessionid=") mean nothing on this site; such addresses answer at once,
 * as not found, signed in or not. They used to leave the connection open for ever. Only HTTP:
 * {@code PathParametersIT} runs it against the packaged jar.
 */
@QuarkusTest
class PathParametersTest {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @ValueSource(strings = { "/admin;x", "/admin/users;x", "/admin/articles;jsessionid=1", "/politics;x",
            "/login;x", "/api/v1/articles;x", "/;x", "/admin/;x" })
    void answerNotFoundAtOnce(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode(), path);
        if (!path.startsWith("/api/")) {
            assertEquals("Page not found", Jsoup.parse(response.body()).selectFirst("main h1").text(), path);
        }
    }
}
