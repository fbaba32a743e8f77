package media.icaro.news.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;

/**
 * Anonymous readers hammering feature images must not take the site down. Starts the packaged jar
 * itself, as production runs it (small heap, H2 in a file), publishes a few 5 MB images through the
 * newsroom form, then has 32 clients fetch them for ten seconds: every answer must be a 200, and the
 * site must still serve pages and report itself ready afterwards.
 */
class ImageLoadIT {

    static final String ADMIN_PASSWORD = "image-load-it-password";
    static final int CLIENTS = 32;
    static final Duration LOAD = Duration.ofSeconds(10);

    static Process app;
    static Path dir;
    static int port;
    static int previousPort;

    @BeforeAll
    static void start() throws Exception {
        dir = Path.of("target", "image-load-it");
        deleteTree(dir);
        Files.createDirectories(dir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("news") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dnews.search.index-path=" + dir.toAbsolutePath().resolve("search"),
                "-Dsite.demo-content=false",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.log").toFile());
        builder.environment().put("NEWS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        app = builder.start();
        previousPort = RestAssured.port;
        RestAssured.port = port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (status("/q/health/ready") != 200) {
            assertTrue(app.isAlive(), "the app stopped: " + log());
            assertTrue(System.nanoTime() < deadline, "the app did not become ready: " + log());
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        RestAssured.port = previousPort;
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void thirtyTwoReadersOfFiveMegabyteImagesGetEveryImageAndTheSiteStaysUp() throws Exception {
        NewsroomSession admin = NewsroomSession.signIn("admin", ADMIN_PASSWORD);
        List<String> images = new ArrayList<>();
        String article = null;
        for (int i = 0; i < 3; i++) {
            Document form = admin.page("/admin/articles/new");
            String section = form.selectFirst("select[name=section] option[value~=.+]").attr("value");
            byte[] png = fiveMegabytePng(i);
            Response saved = admin.keep(admin.request().multiPart("csrf-token", admin.csrfToken())
                    .multiPart("headline", "Load test picture " + i).multiPart("body", "A story with a large picture.")
                    .multiPart("section", section).multiPart("kind", "NEWS").multiPart("bylines", "Load Tester")
                    .multiPart("disclaimerMode", "SITE_DEFAULT").multiPart("imageAlt", "Noise " + i)
                    .multiPart("action", "publish")
                    .multiPart("image", "noise-" + i + ".png", png, "application/octet-stream")
                    .post("/admin/articles"));
            assertEquals(303, saved.statusCode(), saved.asString());
            Document desk = admin.page(saved.header("Location").replaceFirst("^https?://[^/]+", ""));
            article = desk.selectFirst(".article-status a").attr("href").replaceFirst("^https?://[^/]+", "");
            String shown = Jsoup.parse(get(article).body()).selectFirst("figure.feature-image img").attr("src");
            assertTrue(shown.matches("/media/\\d+/1024"), "the page loads a smaller version: " + shown);
            // The readers here fetch the 5 MB originals, the heaviest thing the site sends.
            images.add(shown.replaceFirst("/1024$", ""));
        }

        AtomicInteger answers = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + LOAD.toNanos();
        ExecutorService readers = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            String image = images.get(c % images.size());
            readers.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri(image))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                        answers.incrementAndGet();
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            problems.add(String.valueOf(response.statusCode()));
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        problems.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        readers.shutdown();
        assertTrue(readers.awaitTermination(LOAD.toSeconds() + 60, TimeUnit.SECONDS), "the readers finished");
        System.out.printf("Image load: %d answers, %d errors%n", answers.get(), errors.get());

        assertEquals(0, errors.get(), errors.get() + " of " + answers.get() + " answers were errors, such as "
                + problems.stream().distinct().limit(5).toList() + "\n" + log());
        assertTrue(answers.get() > 0, "the readers got answers");
        assertEquals(200, status("/"), "the front page");
        assertEquals(200, status(article), "an article");
        assertEquals(200, status("/q/health/ready"), "readiness");
        assertFalse(Files.readString(dir.resolve("app.log")).contains("OutOfMemoryError"), log());
    }

    /** A PNG of random pixels, which do not compress: just under the 5 MB limit. */
    static byte[] fiveMegabytePng(long seed) throws IOException {
        BufferedImage image = new BufferedImage(1250, 1350, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        assertTrue(out.size() > 4_900_000 && out.size() <= ImageService.MAX_BYTES, "size " + out.size());
        return out.toByteArray();
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String log() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("app.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
