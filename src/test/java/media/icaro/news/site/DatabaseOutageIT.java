package media.icaro.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.newsroom.DeskForms;

/**
 * The PostgreSQL server goes away under a running site and comes back. While it is away, nothing
 * waits: a page in memory is still served, another page answers a friendly 503, readiness is DOWN, an
 * API save and a newsroom save answer 503 and keep nothing (the newsroom shows the typed text again);
 * once it is back, the site recovers by itself, without a restart, and nothing of the failed saves
 * appears. The server is a private one of this test ({@code src/test/pg/postgres.sh} on port 55433),
 * killed at once as a crash would ({@code pg_ctl -m immediate}). Needs the pg build ({@code -Dpg.jar})
 * and PostgreSQL installed; skipped without them unless {@code -Dpg.tests.required=true}.
 */
class DatabaseOutageIT {

    private static final String PG_PORT = "55433";
    /** The promise is a second; the margin is for a busy 2-core CI machine, and the figures are printed. */
    private static final long WITHIN_MILLIS = 1500;

    private static PackagedApp app;
    private static boolean serverStarted;

    @BeforeAll
    static void start() {
        String jar = System.getProperty("pg.jar", "");
        boolean available = !jar.isBlank() && !System.getProperty("pg.url", "").isBlank();
        if (Boolean.getBoolean("pg.tests.required")) {
            Assertions.assertTrue(available, "-Dpg.jar and -Dpg.url are required (pg.tests.required=true)");
        }
        Assumptions.assumeTrue(available, "no PostgreSQL build or server given (-Dpg.jar, -Dpg.url); skipped");
        String url = postgres("start").strip();
        serverStarted = true;
        Path root = Path.of("target", "database-outage");
        PackagedApp.deleteTree(root);
        app = PackagedApp.start(Path.of(jar), root.resolve("app"), Map.of(
                "DB_URL", url, "DB_USER", "postgres", "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", "postgres"));
        RestAssured.port = app.port();
    }

    @AfterAll
    static void stop() {
        RestAssured.reset();
        if (app != null) {
            app.close();
        }
        if (serverStarted) {
            postgres("stop");
        }
    }

    @Test
    void theSiteAnswersAtOnceWhileTheDatabaseIsAwayAndRecoversByItself() throws IOException {
        String live = json(app.createArticle("Ferry timetable before the outage"), "url");
        assertEquals(200, app.get("/").statusCode());
        assertEquals(200, app.get(live).statusCode()); // both now in memory
        NewsroomSession editor = NewsroomSession.signIn(PackagedApp.ADMIN, PackagedApp.PASSWORD);
        Document blank = editor.page("/admin/articles/new");
        assertFalse(blank.select("form").isEmpty());
        Map<String, String> frontForm = formFields(editor.page("/admin/fronts/home").selectFirst("form.front-form"));
        frontForm.put("top-1-address", live);
        List<String> timings = new ArrayList<>();

        postgres("halt");
        try {
            HttpResponse<String> front = timed(timings, "front page (in memory)", () -> app.get("/"));
            assertEquals(200, front.statusCode());
            assertTrue(front.body().contains(live), "the kept front page lists the story");
            assertEquals(200, timed(timings, "article (in memory)", () -> app.get(live)).statusCode());

            HttpResponse<String> section = timed(timings, "section page (not in memory)", () -> app.get("/politics?page-not-kept=1"));
            assertEquals(503, section.statusCode(), section.body());
            assertEquals("30", section.headers().firstValue("Retry-After").orElse(null));
            Document sorry = Jsoup.parse(section.body());
            assertEquals("Back in a moment", sorry.selectFirst("h1").text());
            assertFalse(section.body().contains("Exception"), "no stack trace reaches the reader");

            HttpResponse<String> ready = timed(timings, "readiness", () -> app.get("/q/health/ready"));
            assertEquals(503, ready.statusCode());
            assertTrue(ready.body().contains("DOWN"), ready.body());

            HttpResponse<String> apiSave = timed(timings, "API save", () -> app.createArticle("Written during the outage by the API"));
            assertEquals(503, apiSave.statusCode(), apiSave.body());
            assertTrue(apiSave.body().contains("nothing was saved"), apiSave.body());

            Map<String, String> fields = DeskForms.article("Written during the outage in the newsroom", "politics");
            long started = System.nanoTime();
            Response deskSave = DeskForms.post(editor, "/admin/articles", fields);
            record(timings, "newsroom save", started);
            assertEquals(503, deskSave.statusCode(), deskSave.asString());
            Document form = Jsoup.parse(deskSave.asString());
            assertTrue(form.selectFirst("#headline") != null, "the form comes back: " + form.text());
            assertEquals("Written during the outage in the newsroom", form.selectFirst("#headline").val(), "the typed text comes back");
            assertTrue(form.text().contains("not saved"), form.text());

            // A front's arrangement, which the form builds from stories in the database, comes back to send again.
            Response frontSave = editor.request().formParams(frontForm).formParam("csrf-token", editor.csrfToken())
                    .post("/admin/fronts/home");
            assertEquals(503, frontSave.statusCode(), frontSave.asString());
            Document unsaved = Jsoup.parse(frontSave.asString());
            assertTrue(unsaved.selectFirst(".problem").text().contains("nothing changed"), unsaved.text());
            assertTrue(unsaved.text().contains("Top stories, 1: " + live), "the arrangement in words: " + unsaved.text());
            Map<String, String> kept = formFields(unsaved.selectFirst("form.resend-form"));
            kept.remove("csrf-token");
            frontForm.remove("csrf-token");
            assertEquals(frontForm, kept, "every field kept as it was");
            frontForm = kept;
        } finally {
            postgres("resume");
        }
        System.out.println("Database outage, answers while it was away: " + String.join(", ", timings));

        long back = System.nanoTime();
        while (!app.ready()) {
            assertTrue(System.nanoTime() - back < TimeUnit.SECONDS.toNanos(15), "ready again within 15 s");
            PackagedApp.pause(100);
        }
        System.out.printf("Database outage: ready again %d ms after the server was back%n", (System.nanoTime() - back) / 1_000_000);
        assertEquals(200, app.get("/politics?page-not-kept=2").statusCode(), "pages render again");
        assertEquals(201, app.createArticle("Ferry timetable after the outage").statusCode(), "the API saves again");
        Response deskSave = DeskForms.post(editor, "/admin/articles", DeskForms.article("Newsroom save after the outage", "politics"));
        assertEquals(303, deskSave.statusCode(), "the newsroom saves again, in the same session: " + deskSave.asString());
        Response frontAgain = editor.request().formParams(frontForm).formParam("csrf-token", editor.csrfToken()).post("/admin/fronts/home");
        assertEquals(303, frontAgain.statusCode(), "the kept arrangement saves once the database is back: " + frontAgain.asString());
        String now = editor.page("/admin/fronts/home").selectFirst("#slot-top-1 .front-slot-now").text();
        assertTrue(now.contains("Ferry timetable before the outage (pinned)"), "the kept arrangement is the one saved: " + now);

        String found = app.apiGet("/api/v1/articles?q=" + URLEncoder.encode("during the outage", StandardCharsets.UTF_8)).body();
        assertTrue(found.contains("\"articles\":[]"), "nothing of the failed saves was kept: " + found);
    }

    /** A form's fields as the browser would send them (no buttons, unchecked boxes left out). */
    private static Map<String, String> formFields(org.jsoup.nodes.Element form) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (org.jsoup.nodes.Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            org.jsoup.nodes.Element selected = input.tagName().equals("select") ? input.selectFirst("option[selected]") : null;
            fields.put(input.attr("name"), input.tagName().equals("select") ? (selected == null ? "" : selected.attr("value"))
                    : input.tagName().equals("textarea") ? input.wholeText() : input.attr("value"));
        }
        return fields;
    }

    private interface Call {
        HttpResponse<String> run() throws IOException;
    }

    private static HttpResponse<String> timed(List<String> timings, String what, Call call) throws IOException {
        long started = System.nanoTime();
        HttpResponse<String> response = call.run();
        record(timings, what, started);
        return response;
    }

    private static void record(List<String> timings, String what, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        timings.add(what + " " + millis + " ms");
        assertTrue(millis <= WITHIN_MILLIS, what + " took " + millis + " ms while the database was away");
    }

    private static String json(HttpResponse<String> response, String field) {
        assertEquals(201, response.statusCode(), response.body());
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(response.body());
        assertTrue(matcher.find(), response.body());
        return matcher.group(1);
    }

    /** Runs {@code src/test/pg/postgres.sh} on this test's port and answers what it printed. */
    private static String postgres(String command) {
        try {
            ProcessBuilder builder = new ProcessBuilder("src/test/pg/postgres.sh", command).redirectErrorStream(true);
            builder.environment().put("PG_PORT", PG_PORT);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("postgres.sh " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
