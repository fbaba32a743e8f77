package media.icaro.news.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moving a site from the default build (H2) to the PostgreSQL build, as a deployer does it: content
 * written through the API and the newsroom on an H2 instance of the packaged jar, exported, imported
 * into a newly installed PostgreSQL instance at another address, and every article page compared byte
 * for byte once the base URL is replaced (and the images' ids, which the import renumbers like every
 * row). Lives beside {@link TwoInstancesIT} for {@link PackagedApp}; like it, it needs the pg build
 * ({@code -Dpg.jar}) and a server ({@code -Dpg.url}), and skips without them unless
 * {@code -Dpg.tests.required=true}. It works in a database of its own on that server, created and
 * dropped here, so that the two tests never see each other's content.
 */
class MoveSiteToPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "news_move_site_it";
    private static final String OLD_BASE = "http://old.example.org";
    private static final String NEW_BASE = "http://news.example.com";
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
    /** A small valid PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaGAAAAEEAIFw9selAAAAAElFTkSuQmCC");

    private static Driver driver;
    private static String serverUrl;
    private static String pgUser;
    private static PackagedApp h2;
    private static PackagedApp pg;

    @BeforeAll
    static void createDatabase() throws Exception {
        String jar = System.getProperty("pg.jar", "");
        serverUrl = System.getProperty("pg.url", "");
        boolean available = !jar.isBlank() && !serverUrl.isBlank();
        if (Boolean.getBoolean("pg.tests.required")) {
            Assertions.assertTrue(available, "-Dpg.jar and -Dpg.url are required (pg.tests.required=true)");
        }
        Assumptions.assumeTrue(available, "no PostgreSQL build or server given (-Dpg.jar, -Dpg.url); skipped");
        pgUser = System.getProperty("pg.user", "postgres");
        driver = postgresDriver(Path.of(jar));
        sql(serverUrl, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        sql(serverUrl, "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        for (PackagedApp app : new PackagedApp[] { h2, pg }) {
            if (app != null) {
                app.stop();
            }
        }
        if (driver != null) {
            sql(serverUrl, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void aSiteMovedFromH2ToPostgresShowsEveryArticlePageAsItWas() throws Exception {
        Path root = Path.of("target", "move-site");
        PackagedApp.deleteTree(root);
        h2 = PackagedApp.start(root.resolve("h2"), Map.of("SITE_DEMO_CONTENT", "true", "SITE_BASE_URL", OLD_BASE));
        Written written = writeContent(h2);

        // A live index counts replaced versions of edited stories until Lucene merges them away, and text
        // similarity (one signal of the related stories) reads those counts; the import builds its index
        // afresh, so the old site's is built afresh too before its pages are read.
        h2.stop();
        PackagedApp.deleteTree(root.resolve("h2").resolve("search-index"));
        h2.restart();
        awaitSearchIndex(h2);
        Map<String, String> before = articlePages(h2);
        assertTrue(before.size() >= 38, "the demo stories and the new ones: " + before.size());
        HttpResponse<byte[]> archive = send(HttpRequest.newBuilder(h2.uri("/api/v1/export")).header("Authorization", basic()).GET());
        assertEquals(200, archive.statusCode());

        String url = DATABASE_IN_URL.matcher(serverUrl).replaceFirst("$1" + DATABASE + "$3");
        pg = PackagedApp.start(Path.of(System.getProperty("pg.jar")), root.resolve("pg"), Map.of(
                "DB_URL", url, "QUARKUS_DATASOURCE_JDBC_URL", url, "DB_USER", pgUser, "QUARKUS_DATASOURCE_USERNAME", pgUser,
                "SITE_DEMO_CONTENT", "true", "SITE_BASE_URL", NEW_BASE));
        HttpResponse<byte[]> imported = send(HttpRequest.newBuilder(pg.uri("/api/v1/import")).header("Authorization", basic())
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(archive.body())));
        assertEquals(200, imported.statusCode(), new String(imported.body(), StandardCharsets.UTF_8));
        JsonNode summary = JSON.readTree(imported.body());
        assertEquals(before.size() + written.notLive(), summary.get("imported").get("article").asInt(), summary.toString());

        Map<String, String> after = articlePages(pg);
        assertEquals(before.keySet(), after.keySet(), "the same article addresses");
        List<String> differing = new ArrayList<>();
        before.forEach((path, html) -> {
            String was = comparable(html, OLD_BASE);
            String is = comparable(after.get(path), NEW_BASE);
            if (!was.equals(is)) {
                differing.add(path + " " + firstDifference(was, is));
            }
        });
        assertEquals(List.of(), differing, "pages that differ (logs: " + h2.log() + ", " + pg.log() + ")");

        for (String path : List.of("/", "/politics", "/business", "/tag/ports", "/author/move-desk")) {
            assertEquals(comparable(h2.get(path).body(), OLD_BASE), comparable(pg.get(path).body(), NEW_BASE), path);
        }
        HttpResponse<String> moved = pg.get(written.oldPath());
        assertEquals(301, moved.statusCode(), "the old address of a story whose slug changed");
        assertTrue(moved.headers().firstValue("Location").orElseThrow().endsWith(written.movedPath()));
        Matcher image = Pattern.compile("<img src=\"(/media/[0-9]+)\"").matcher(after.get(written.picturedPath()));
        assertTrue(image.find(), "the feature image");
        assertArrayEquals(PNG, send(HttpRequest.newBuilder(pg.uri(image.group(1))).GET()).body());
        assertTrue(pg.get("/search?q=quayside").body().contains(written.pinningPath()), "search holds the imported stories");
        assertEquals(200, pg.apiGet("/api/v1/sections").statusCode(), "the importing admin still signs in");
        assertEquals(401, send(HttpRequest.newBuilder(pg.uri("/api/v1/sections"))
                .header("Authorization", basic("move-editor", "move-editor-password-1")).GET()).statusCode(),
                "an imported account has no password until an admin sets one");
    }

    /** What {@link #writeContent} wrote: addresses to check after the move. */
    private record Written(String picturedPath, String oldPath, String movedPath, String pinningPath, int notLive) {
    }

    /**
     * Content of every kind an archive carries, through the API and the newsroom: a story with a
     * feature image and a correction, one whose slug changed, one pinning both, a draft, an account.
     */
    private static Written writeContent(PackagedApp app) throws IOException {
        Newsroom newsroom = Newsroom.signIn(app);
        String token = newsroom.token("/admin/articles/new");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf-token", token);
        fields.put("headline", "Harbour cranes return to Genoa's old port");
        fields.put("standfirst", "The cranes are back, and so are the crowds.");
        fields.put("body", "The first paragraph, with *emphasis* and a [link](https://example.org).\n\nA second one.");
        fields.put("section", "business");
        fields.put("kind", "NEWS");
        fields.put("bylines", "Move Desk");
        fields.put("tags", "Ports, Genoa");
        fields.put("disclaimerMode", "SITE_DEFAULT");
        fields.put("imageAlt", "Cranes over the old port");
        fields.put("imageCaption", "The cranes at dawn");
        fields.put("imageCredit", "Move Desk");
        fields.put("action", "publish");
        HttpResponse<String> created = newsroom.multipart("/admin/articles", fields, "image", "cranes.png", PNG);
        assertEquals(303, created.statusCode(), created.body());
        String articlePath = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        long pictured = Long.parseLong(articlePath.substring(articlePath.lastIndexOf('/') + 1));
        HttpResponse<String> corrected = newsroom.form(articlePath + "/corrections", Map.of("csrf-token", newsroom.token(articlePath),
                "note", "An earlier version gave the wrong year for the port's reopening."));
        assertEquals(303, corrected.statusCode(), corrected.body());
        HttpResponse<String> user = newsroom.form("/admin/users", Map.of("csrf-token", newsroom.token("/admin/users"),
                "username", "move-editor", "displayName", "Move Editor", "role", "EDITOR", "password", "move-editor-password-1"));
        assertEquals(303, user.statusCode(), user.body());

        JsonNode moved = json(app.createArticle("Lighthouse keepers gather in Trieste"));
        String oldPath = moved.get("url").asText();
        ((ObjectNode) moved).put("slug", "lighthouse-keepers-meet-in-trieste");
        JsonNode renamed = json(app.apiPut("/api/v1/articles/" + moved.get("id").asLong(), JSON.writeValueAsString(moved)));

        Map<String, Object> pinning = new LinkedHashMap<>();
        pinning.put("headline", "Ports and lighthouses: a weekend guide");
        pinning.put("body", "Where to go, with a stop at the quayside markets.");
        pinning.put("section", "culture");
        pinning.put("tags", List.of("Ports", "Lighthouses"));
        pinning.put("bylines", List.of("Move Desk"));
        pinning.put("status", "published");
        pinning.put("pinnedRelated", List.of(String.valueOf(moved.get("id").asLong()), String.valueOf(pictured)));
        JsonNode pins = apiPost(app, "/api/v1/articles", JSON.writeValueAsString(pinning));

        apiPost(app, "/api/v1/articles", JSON.writeValueAsString(Map.of("headline", "A draft about ferry timetables",
                "body", "Not yet.", "section", "business")));
        String picturedPath = json(app.apiGet("/api/v1/articles/" + pictured)).get("url").asText();
        return new Written(picturedPath, oldPath, renamed.get("url").asText(), pins.get("url").asText(), 1);
    }

    /** Every live article's page, by path. */
    private static Map<String, String> articlePages(PackagedApp app) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        for (JsonNode article : json(app.apiGet("/api/v1/articles?status=published&limit=100")).get("articles")) {
            String path = article.get("url").asText();
            HttpResponse<String> page = app.get(path);
            assertEquals(200, page.statusCode(), path);
            pages.put(path, page.body());
        }
        return pages;
    }

    /**
     * The page as the other site should show it: addresses without the base URL (as it is, and encoded in
     * the share links), images without their ids.
     */
    private static String comparable(String html, String base) {
        return html.replace(base, "BASE").replace(java.net.URLEncoder.encode(base, java.nio.charset.StandardCharsets.UTF_8), "BASE")
                .replaceAll("/media/[0-9]+", "/media/ID");
    }

    /** The first line where two pages differ, as both have it. */
    private static String firstDifference(String was, String is) {
        List<String> a = was.lines().toList();
        List<String> b = is.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "";
            String right = i < b.size() ? b.get(i) : "";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": was [" + left.strip() + "], is [" + right.strip() + "]";
            }
        }
        return "";
    }

    private static void awaitSearchIndex(PackagedApp app) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (app.get("/search?q=quayside").body().contains("index is being built")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the search index was not rebuilt within 60 s; see " + app.log());
            }
            PackagedApp.pause(200);
        }
    }

    private static JsonNode apiPost(PackagedApp app, String path, String json) throws IOException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(app.uri(path)).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertTrue(response.statusCode() == 201, response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String basic() {
        return basic(PackagedApp.ADMIN, PackagedApp.PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The PostgreSQL driver the pg build ships, to create and drop this test's database. */
    private static Driver postgresDriver(Path pgJar) throws Exception {
        Path lib = pgJar.toAbsolutePath().getParent().resolve("lib").resolve("main");
        Path driverJar;
        try (var files = Files.list(lib)) {
            driverJar = files.filter(f -> f.getFileName().toString().startsWith("org.postgresql.postgresql-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no PostgreSQL driver in " + lib));
        }
        URLClassLoader loader = new URLClassLoader(new URL[] { driverJar.toUri().toURL() }, MoveSiteToPostgresIT.class.getClassLoader());
        return (Driver) loader.loadClass("org.postgresql.Driver").getDeclaredConstructor().newInstance();
    }

    private static void sql(String url, String statement) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", pgUser);
        properties.setProperty("password", System.getProperty("pg.password", ""));
        try (Connection connection = driver.connect(url, properties); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** A browser's session in the newsroom: its cookies, the forms' CSRF tokens. */
    private static final class Newsroom {

        private final PackagedApp app;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        private Newsroom(PackagedApp app) {
            this.app = app;
        }

        static Newsroom signIn(PackagedApp app) throws IOException {
            Newsroom newsroom = new Newsroom(app);
            HttpResponse<String> signedIn = newsroom.form("/j_security_check", Map.of("csrf-token", newsroom.token("/login"),
                    "j_username", PackagedApp.ADMIN, "j_password", PackagedApp.PASSWORD));
            assertEquals(302, signedIn.statusCode());
            assertTrue(signedIn.headers().firstValue("Location").orElseThrow().endsWith("/admin"), "signed in");
            return newsroom;
        }

        /** The CSRF token of the form on this page. */
        String token(String path) throws IOException {
            String page = send(HttpRequest.newBuilder(app.uri(path)).GET()).body();
            Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
            assertTrue(token.find(), "a CSRF token on " + path);
            return token.group(1);
        }

        HttpResponse<String> form(String path, Map<String, String> fields) throws IOException {
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(app.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] file)
                throws IOException {
            String boundary = "----move-site-" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(app.uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
