package media.icaro.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two instances of the PostgreSQL build on one real PostgreSQL server, as a deployer runs a large
 * site: a publish, an edit and an unpublish through one instance show on the other's pages, page
 * cache and search within two seconds, and readers' views on both add up in each one's Most read. Needs the pg build ({@code -Dpg.jar}) and a database
 * ({@code -Dpg.url}); {@code .ci/run} provides both (see the README) and sets
 * {@code -Dpg.tests.required=true}, so that their absence fails instead of skipping.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WITHIN_NANOS = 2_000_000_000L;
    private static final Duration MOST_READ_EVERY = Duration.ofSeconds(1);

    private static PackagedApp writer;
    private static PackagedApp reader;

    @BeforeAll
    static void startBoth() {
        String jar = System.getProperty("pg.jar", "");
        String url = System.getProperty("pg.url", "");
        boolean available = !jar.isBlank() && !url.isBlank();
        if (Boolean.getBoolean("pg.tests.required")) {
            Assertions.assertTrue(available, "-Dpg.jar and -Dpg.url are required (pg.tests.required=true)");
        }
        Assumptions.assumeTrue(available, "no PostgreSQL build or server given (-Dpg.jar, -Dpg.url); skipped");
        Map<String, String> env = Map.of(
                "DB_URL", url, "QUARKUS_DATASOURCE_JDBC_URL", url,
                "DB_USER", System.getProperty("pg.user", "postgres"), "QUARKUS_DATASOURCE_USERNAME", System.getProperty("pg.user", "postgres"),
                "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "two-instances-test-session-key-0123456789",
                "NEWS_PREVIEW_KEY", "two-instances-test-preview-key-0123456789",
                "NEWS_MOST_READ_EVERY", MOST_READ_EVERY.toSeconds() + "s");
        Path root = Path.of("target", "two-instances");
        PackagedApp.deleteTree(root);
        writer = PackagedApp.start(Path.of(jar), root.resolve("a"), env);
        reader = PackagedApp.start(Path.of(jar), root.resolve("b"), env);
    }

    @AfterAll
    static void stopBoth() {
        if (writer != null) {
            writer.close();
        }
        if (reader != null) {
            reader.close();
        }
    }

    @Test
    void aPublishAnEditAndAnUnpublishShowOnTheOtherInstanceWithinTwoSeconds() throws IOException {
        String section = get(reader, "/politics").body(); // warm the reader's page cache
        assertTrue(section.contains("<html"), "the reader serves pages");
        get(reader, "/search?q=lighthouse");

        JsonNode created = json(writer.createArticle("Lighthouse keeper retires after forty years"));
        long id = created.get("id").asLong();
        String url = created.get("url").asText();
        awaitOn(reader, url, r -> r.statusCode() == 200 && r.body().contains("Lighthouse keeper retires"), "the new article");
        awaitOn(reader, "/politics", r -> r.body().contains(url), "the section page");
        awaitOn(reader, "/", r -> r.body().contains(url), "the front page");
        awaitOn(reader, "/search?q=lighthouse", r -> r.body().contains(url), "search");

        JsonNode edit = json(writer.apiGet("/api/v1/articles/" + id));
        ((com.fasterxml.jackson.databind.node.ObjectNode) edit).put("headline", "Lighthouse keeper stays on another year");
        HttpResponse<String> updated = writer.apiPut("/api/v1/articles/" + id, JSON.writeValueAsString(edit));
        assertEquals(200, updated.statusCode(), updated.body());
        awaitOn(reader, url, r -> r.body().contains("Lighthouse keeper stays on"), "the edit on the article page");
        awaitOn(reader, "/politics", r -> r.body().contains("Lighthouse keeper stays on"), "the edit on the section page");

        assertEquals(204, writer.apiDelete("/api/v1/articles/" + id).statusCode());
        awaitOn(reader, url, r -> r.statusCode() == 404, "the unpublished page gone");
        awaitOn(reader, "/politics", r -> !r.body().contains(url), "the section page without it");
        awaitOn(reader, "/search?q=lighthouse", r -> !r.body().contains(url), "search without it");
    }

    @Test
    void twentyPublishesEachReachTheOtherInstanceWithinTwoSeconds() throws IOException {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonNode created = json(writer.createArticle("Harbour report number " + i));
            long acknowledged = System.nanoTime();
            String url = created.get("url").asText();
            awaitOn(reader, url, r -> r.statusCode() == 200, "publish " + i);
            delays.add((System.nanoTime() - acknowledged) / 1_000_000);
        }
        Collections.sort(delays);
        System.out.printf("Two instances: from the writer's 201 to the page on the other instance, ms: median %d, p99 %d, max %d%n",
                delays.get(delays.size() / 2), delays.get((int) Math.ceil(delays.size() * 0.99) - 1), delays.get(delays.size() - 1));
    }

    /**
     * Readers of both instances: each shares its counts every {@code MOST_READ_EVERY} and reads the
     * ranking back, so both lists show the sum, within two intervals and the usual two seconds.
     */
    @Test
    void viewsOnBothInstancesAddUpInTheMostReadOfEach() throws IOException {
        String readOnBoth = json(writer.createArticle("Tidal energy project gets the go-ahead")).get("url").asText();
        String readOnOne = json(writer.createArticle("Tidal energy: the questions that remain")).get("url").asText();
        awaitOn(reader, readOnBoth, r -> r.statusCode() == 200, "the first story");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get(writer, readOnBoth).statusCode());
            assertEquals(200, get(reader, readOnBoth).statusCode());
        }
        for (int i = 0; i < 30; i++) {
            assertEquals(200, get(writer, readOnOne).statusCode());
        }
        long within = WITHIN_NANOS + 2 * MOST_READ_EVERY.toNanos();
        Predicate<HttpResponse<String>> summed = r -> {
            List<String> listed = Jsoup.parse(r.body()).select(".most-read ol > li > a").eachAttr("href");
            return listed.contains(readOnOne) && listed.indexOf(readOnBoth) >= 0 && listed.indexOf(readOnBoth) < listed.indexOf(readOnOne);
        };
        awaitOn(writer, "/", summed, "the views of both instances in the writer's Most read", within);
        awaitOn(reader, "/", summed, "the views of both instances in the reader's Most read", within);
    }

    private static void awaitOn(PackagedApp app, String path, Predicate<HttpResponse<String>> condition, String what)
            throws IOException {
        awaitOn(app, path, condition, what, WITHIN_NANOS);
    }

    private static void awaitOn(PackagedApp app, String path, Predicate<HttpResponse<String>> condition, String what,
            long withinNanos) throws IOException {
        long deadline = System.nanoTime() + withinNanos;
        HttpResponse<String> last = get(app, path);
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + withinNanos / 1_000_000 + " ms on the instance: " + what + " (" + path
                        + " answered " + last.statusCode() + "); logs: " + writer.log() + ", " + reader.log());
            }
            PackagedApp.pause(25);
            last = get(app, path);
        }
    }

    private static HttpResponse<String> get(PackagedApp app, String path) throws IOException {
        int query = path.indexOf("?q=");
        String safe = query < 0 ? path
                : path.substring(0, query + 3) + URLEncoder.encode(path.substring(query + 3), StandardCharsets.UTF_8);
        return app.get(safe);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
