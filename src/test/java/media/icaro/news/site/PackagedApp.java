package media.icaro.news.site;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a deployer runs it,
 * with its H2 file and search index in a folder of the test's choosing and on a free port, so that
 * fault tests can kill it, starve its disk and start it again on the same data.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String ADMIN = "admin";
    static final String PASSWORD = "fault-test-admin-password";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> extraEnv;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private Process process;

    private PackagedApp(Path jar, Path dataDir, Map<String, String> extraEnv) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.extraEnv = extraEnv;
        this.port = freePort();
    }

    /** Starts the jar on the data in {@code dataDir} (created on first start) and waits until it is ready. */
    static PackagedApp start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** As {@link #start(Path)}, with more environment settings for the application. */
    static PackagedApp start(Path dataDir, Map<String, String> extraEnv) {
        return start(JAR, dataDir, extraEnv);
    }

    /** As {@link #start(Path, Map)}, from another build of the application (the PostgreSQL one). */
    static PackagedApp start(Path jar, Path dataDir, Map<String, String> extraEnv) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the *IT tests with ./mvnw verify, after package");
        }
        PackagedApp app = new PackagedApp(jar, dataDir, extraEnv);
        try {
            Files.deleteIfExists(app.log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app.launch();
        return app;
    }

    /** Starts the same data again after {@link #kill()} or {@link #stop()}. */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        launch();
    }

    private void launch() {
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("news"));
            env.put("NEWS_SEARCH_INDEX_PATH", dataDir.toAbsolutePath().resolve("search-index").toString());
            env.put("NEWS_ADMIN_PASSWORD", PASSWORD);
            env.put("SITE_DEMO_CONTENT", "false");
            // A cheap password hash: every API request signs in with HTTP Basic.
            env.put("NEWS_BCRYPT_COST", "4");
            env.putAll(extraEnv);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The application exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            pause(200);
        }
        throw new AssertionError("The application was not ready within " + START_TIMEOUT + "; see " + log);
    }

    /** Whether {@code /q/health/ready} says UP. */
    boolean ready() {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, like a crash or the OOM killer. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: a clean shutdown. */
    void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET signed in as the first admin through the API's HTTP Basic. */
    HttpResponse<String> apiGet(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic()).GET());
    }

    /** Creates a published article through the API; answers the raw response (201 with the article, or an error). */
    HttpResponse<String> createArticle(String headline) throws IOException {
        String body = JSON.writeValueAsString(Map.of("headline", headline, "body", "Body of " + headline + ".",
                "section", "politics", "status", "published"));
        return send(HttpRequest.newBuilder(uri("/api/v1/articles"))
                .header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A PUT of JSON, signed in as the first admin. */
    HttpResponse<String> apiPut(String path, String json) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE, signed in as the first admin. */
    HttpResponse<String> apiDelete(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic()).DELETE());
    }

    /** The id of the article in a 201 answer. */
    static long id(HttpResponse<String> created) {
        try {
            JsonNode article = JSON.readTree(created.body());
            return article.get("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Of these ids, those the API does not find (404 or any other answer than 200). */
    List<Long> missing(List<Long> ids) throws IOException {
        List<Long> missing = new ArrayList<>();
        for (long id : ids) {
            if (apiGet("/api/v1/articles/" + id).statusCode() != 200) {
                missing.add(id);
            }
        }
        return missing;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Deletes a folder left by an earlier run. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
