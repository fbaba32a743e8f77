package media.icaro.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;

/**
 * The packaged application with its data on a 40 MB tmpfs that the test fills: saves refuse with an
 * error instead of acknowledging what is not written; once space is freed the site serves pages,
 * signs in, saves and searches again without a restart; and after a kill and a restart every
 * acknowledged write is there. Needs root (for mount); {@code -Dfault.tests.required=true} turns
 * the skip on other machines into a failure.
 */
class FullDiskIT {

    static final Path MOUNT = Path.of("target", "fault-tests", "full-disk").toAbsolutePath();
    static final String MISSING = "The full-disk test needs root and tmpfs (mount -t tmpfs -o size=40m tmpfs DIR)";
    static final String ACCOUNT = "before-full";
    static final String ACCOUNT_PASSWORD = "before-full-password";

    private static PackagedApp app;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        run("umount", MOUNT.toString());
        PackagedApp.deleteTree(MOUNT);
        Files.createDirectories(MOUNT);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", MOUNT.toString()) == 0;
        if (Boolean.getBoolean("fault.tests.required")) {
            Assertions.assertTrue(mounted, MISSING + " (fault.tests.required=true)");
        }
        Assumptions.assumeTrue(mounted, MISSING + "; skipped");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (app != null) {
            app.close();
        }
        RestAssured.reset();
        run("umount", MOUNT.toString());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFullDiskRefusesSavesAndTheSiteRecoversWhenSpaceIsBack() throws Exception {
        app = PackagedApp.start(MOUNT);
        RestAssured.port = app.port();
        NewsroomSession admin = NewsroomSession.signIn(PackagedApp.ADMIN, PackagedApp.PASSWORD);

        // Acknowledged before the disk fills: an account, a newsroom save and an API create.
        assertEquals(303, createAccount(admin).statusCode());
        List<Long> acknowledged = new ArrayList<>();
        Response saved = saveArticle(admin, "Saved through the newsroom before the disk filled");
        assertEquals(303, saved.statusCode());
        HttpResponse<String> created = app.createArticle("Created through the API before the disk filled");
        assertEquals(201, created.statusCode(), created.body());
        acknowledged.add(PackagedApp.id(created));

        Path filler = fill(MOUNT.resolve("filler"));
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> refused = app.createArticle("Created on a full disk " + i);
            assertNotEquals(201, refused.statusCode(), "a create on a full disk was acknowledged: " + refused.body());
            assertTrue(refused.statusCode() >= 500, refused.statusCode() + " " + refused.body());
        }
        Response refusedForm = saveArticle(admin, "Saved through the newsroom on a full disk");
        assertNotEquals(303, refusedForm.statusCode(), "a newsroom save on a full disk was acknowledged");

        Files.delete(filler);
        await("readiness UP once space is back", app::ready);
        assertEquals(6, TestContent.page("/").select("header nav a").size(), "the front page with its sections");
        NewsroomSession again = NewsroomSession.signIn(PackagedApp.ADMIN, PackagedApp.PASSWORD);
        NewsroomSession.signIn(ACCOUNT, ACCOUNT_PASSWORD);
        assertEquals(303, saveArticle(again, "Saved through the newsroom after space came back").statusCode());
        HttpResponse<String> recovered = app.createArticle("Recovered quokka story");
        assertEquals(201, recovered.statusCode(), recovered.body());
        acknowledged.add(PackagedApp.id(recovered));
        await("the new story searchable", () -> searchFinds("quokka", "Recovered quokka story"));

        app.kill();
        app.restart();
        assertEquals(List.of(), app.missing(acknowledged), "acknowledged articles lost after a restart");
        NewsroomSession.signIn(ACCOUNT, ACCOUNT_PASSWORD);
        assertTrue(TestContent.page("/politics").select(".card-headline a").eachText()
                .contains("Saved through the newsroom before the disk filled"), "the newsroom save is published");
        await("the story searchable after the restart", () -> searchFinds("quokka", "Recovered quokka story"));
        app.stop();
    }

    private static Response createAccount(NewsroomSession admin) {
        admin.page("/admin/users");
        return admin.keep(admin.request().formParam("csrf-token", admin.csrfToken()).formParam("username", ACCOUNT)
                .formParam("displayName", "Before Full").formParam("role", "EDITOR")
                .formParam("password", ACCOUNT_PASSWORD).post("/admin/users"));
    }

    /** Publishes through the newsroom form, as a browser posts it. */
    private static Response saveArticle(NewsroomSession session, String headline) {
        session.page("/admin/articles/new");
        var request = session.request().multiPart("csrf-token", session.csrfToken());
        Map.of("headline", headline, "body", "Body of " + headline + ".", "section", "politics", "kind", "NEWS",
                "disclaimerMode", "SITE_DEFAULT", "action", "publish").forEach(request::multiPart);
        return session.keep(request.post("/admin/articles"));
    }

    private static boolean searchFinds(String query, String headline) {
        try {
            HttpResponse<String> page = app.get("/search?q=" + query);
            return page.statusCode() == 200
                    && Jsoup.parse(page.body()).select(".search-results .card-headline a").eachText().contains(headline);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes zeros until the disk refuses another byte. */
    private static Path fill(Path filler) {
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int size : new int[] { 1 << 20, 4096, 1 }) {
                byte[] block = new byte[size];
                try {
                    while (true) {
                        out.write(block);
                        out.flush();
                    }
                } catch (IOException full) {
                    // Next, smaller blocks for what is left.
                }
            }
        } catch (IOException closing) {
            // Closing a file on a full disk may fail too; it is full either way.
        }
        return filler;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 60 s: " + what + " (see " + app.log() + ")");
            }
            PackagedApp.pause(250);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
