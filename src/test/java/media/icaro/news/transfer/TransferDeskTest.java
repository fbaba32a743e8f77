package media.icaro.news.transfer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;

/** The newsroom's "Move the site" page, through HTTP as a browser uses it: download, upload, messages. */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*", disabledReason = TransferFixtures.NOT_ON_PG)
@TestProfile(TransferFixtures.Profile.class)
class TransferDeskTest {

    private static final String PAGE = "/admin/site/transfer";

    @Inject
    TransferFixtures fixtures;

    @Test
    void anAdminDownloadsTheSiteAndImportsAnArchiveWithTheFormsToken() {
        fixtures.freshSite();
        NewsroomSession admin = NewsroomSession.signIn(TransferFixtures.ADMIN, TransferFixtures.ADMIN_PASSWORD);
        assertNotNull(admin.page("/admin/articles").selectFirst(".newsroom-nav a[href=" + PAGE + "]"), "admins find the page");

        Document page = admin.page(PAGE);
        assertEquals("Move the site", page.selectFirst("h1").text());
        assertTrue(page.text().contains("35 articles"), "the page says what the site holds");
        Element download = page.selectFirst("form[action=" + PAGE + "/archive]");
        assertEquals("get", download.attr("method"));
        assertNotNull(download.selectFirst("button[type=submit]"));

        Response archive = admin.request().get(PAGE + "/archive");
        assertEquals(200, archive.statusCode());
        assertEquals("application/x-ndjson", archive.contentType().replaceAll(";.*", ""));
        assertTrue(archive.header("Content-Disposition").startsWith("attachment; filename="));
        List<String> lines = TransferFixtures.lines(archive.asByteArray());
        assertEquals("site", TransferFixtures.json(lines.get(0)).get("type").asText());

        Element upload = page.selectFirst("form[enctype=multipart/form-data]");
        assertEquals(PAGE, upload.attr("action"));
        assertNotNull(upload.selectFirst("input[name=csrf-token]"), "the form carries its CSRF token");
        assertEquals("file", page.getElementById("archive").attr("type"));

        Map<String, Long> before = fixtures.counts();
        Response forged = given().redirects().follow(false).cookies(admin.cookies())
                .multiPart("archive", "site.jsonl", archive.asByteArray(), TransferFixtures.NDJSON).post(PAGE);
        assertEquals(400, forged.statusCode(), "no token, no import");
        assertEquals(before, fixtures.counts());

        Response imported = upload(admin, archive.asByteArray());
        assertEquals(303, imported.statusCode(), imported.asString());
        URI done = URI.create(imported.header("Location"));
        assertEquals(PAGE, done.getPath());
        Document after = admin.page(done.getPath() + "?" + done.getRawQuery());
        String notice = after.selectFirst(".notice").text();
        assertTrue(notice.startsWith("Imported: 6 sections, "), notice);
        assertTrue(notice.contains("35 articles"), notice);
        assertTrue(notice.contains("were already here and kept"), notice);
        assertEquals(before, fixtures.counts(), "the fresh site's archive gives the fresh site back");
    }

    @Test
    void aBadArchiveComesBackWithTheReasonBesideTheFileField() {
        fixtures.freshSite();
        NewsroomSession admin = NewsroomSession.signIn(TransferFixtures.ADMIN, TransferFixtures.ADMIN_PASSWORD);
        admin.page(PAGE);
        Map<String, Long> before = fixtures.counts();

        Document refused = rejected(upload(admin, "{\"type\":\"site\"}\n".getBytes(StandardCharsets.UTF_8)), 400);
        assertFieldError(refused, "Line 1: this is not a site archive");
        assertNotNull(refused.selectFirst(".error-summary a[href=#archive]"), "the summary links to the field");
        assertNull(refused.selectFirst("pre"), "no stack trace");

        Document empty = rejected(upload(admin, new byte[0]), 400);
        assertFieldError(empty, "Choose the archive file");
        assertEquals(before, fixtures.counts());
    }

    @Test
    void anArchiveOverTheLimitIsSentBackToTheFormBeforeItIsRead() {
        fixtures.freshSite();
        NewsroomSession admin = NewsroomSession.signIn(TransferFixtures.ADMIN, TransferFixtures.ADMIN_PASSWORD);
        admin.page(PAGE);
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(large, (byte) '\n');
        Map<String, Long> before = fixtures.counts();

        // As a browser sends it, with its length: refused before it is read, and sent back to the form.
        String boundary = "----transfer-test-boundary";
        byte[] body = multipart(boundary, admin.csrfToken(), large);
        Response response = admin.request().contentType("multipart/form-data; boundary=" + boundary).body(body).post(PAGE);
        assertEquals(303, response.statusCode(), response.asString());
        URI back = URI.create(response.header("Location"));
        assertFieldError(admin.page(back.getPath() + "?" + back.getRawQuery()), "larger than this site takes (2 MB");

        // Without a length, the import counts what it reads.
        byte[] padded = large.clone();
        byte[] header = TransferFixtures.lines(TransferFixtures.export()).get(0).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, padded, 0, header.length);
        assertFieldError(rejected(upload(admin, padded), 413), "larger than this site takes (2 MB");
        assertEquals(before, fixtures.counts());
    }

    /** A multipart body as a browser builds it: the CSRF token and the file. */
    private static byte[] multipart(String boundary, String token, byte[] file) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String start = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"site.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n";
        body.writeBytes(start.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void aSiteWithItsOwnContentOffersNoImport() {
        fixtures.freshSite();
        fixtures.addSample();
        NewsroomSession admin = NewsroomSession.signIn(TransferFixtures.ADMIN, TransferFixtures.ADMIN_PASSWORD);
        Document page = admin.page(PAGE);
        assertNull(page.selectFirst("form[enctype=multipart/form-data]"));
        assertTrue(page.getElementById("archive").text().contains("only into an empty site"), page.getElementById("archive").text());
    }

    @Test
    void editorsAreRefusedAndSignedOutVisitorsSentToSignIn() {
        fixtures.freshSite();
        NewsroomSession editor = NewsroomSession.signIn(TransferFixtures.EDITOR, TransferFixtures.PASSWORD);
        assertNull(editor.page("/admin/articles").selectFirst(".newsroom-nav a[href=" + PAGE + "]"));
        assertEquals(403, editor.request().get(PAGE).statusCode());
        assertEquals(403, editor.request().get(PAGE + "/archive").statusCode());
        Map<String, Long> before = fixtures.counts();
        Response posted = editor.request().multiPart("csrf-token", editor.csrfToken())
                .multiPart("archive", "site.jsonl", TransferFixtures.export(), TransferFixtures.NDJSON).post(PAGE);
        assertEquals(403, posted.statusCode());
        assertEquals(before, fixtures.counts());
        for (String path : List.of(PAGE, PAGE + "/archive")) {
            Response anonymous = given().redirects().follow(false).get(path);
            assertEquals(302, anonymous.statusCode());
            assertTrue(anonymous.header("Location").endsWith("/login"), anonymous.header("Location"));
        }
    }

    private static Response upload(NewsroomSession session, byte[] archive) {
        return session.keep(session.request().multiPart("csrf-token", session.csrfToken())
                .multiPart("archive", "site.jsonl", archive, TransferFixtures.NDJSON).post(PAGE));
    }

    private static Document rejected(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        return Jsoup.parse(response.asString(), "http://localhost/");
    }

    /** The file field is marked wrong and described by its message, which says {@code message}. */
    private static void assertFieldError(Document page, String message) {
        Element input = page.getElementById("archive");
        Element error = page.getElementById("archive-error");
        assertNotNull(error, "a message beside the field: " + page.select(".field-error"));
        assertTrue(error.text().contains(message), "'" + error.text() + "' says '" + message + "'");
        assertTrue(input.closest(".field").hasClass("field--error"));
        assertEquals(input.closest(".field"), error.closest(".field"), "beside the field");
        assertTrue(input.attr("aria-describedby").contains("archive-error"));
        assertEquals("true", input.attr("aria-invalid"));
    }
}
