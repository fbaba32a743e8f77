package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/** Every state-changing newsroom request needs the CSRF token, whatever its body; a refusal is a page, not a blank. */
@QuarkusTest
class CsrfTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    SectionService sections;

    @Inject
    TestContent content;

    private NewsroomSession admin;

    @BeforeEach
    void signIn() {
        admin = NewsroomSession.signIn("admin", "test-admin-password");
        admin.page("/admin/sections");
    }

    private SectionView section() {
        String slug = "csrf-" + NEXT.incrementAndGet();
        return sections.create(slug, "Csrf " + slug, null, null);
    }

    /** Refused with a page in the layout that says why, never a blank answer or a 500. */
    private static Document refused(Response response) {
        assertEquals(400, response.statusCode());
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        Document page = Jsoup.parse(response.asString(), "http://localhost/");
        assertTrue(page.selectFirst("h1").text().contains("expired"), page.selectFirst("h1").text());
        return page;
    }

    @Test
    void aDeleteWithATextBodyAndNoTokenDeletesNothing() {
        SectionView section = section();
        Response response = admin.request().contentType("text/plain").body("x")
                .post("/admin/sections/" + section.id() + "/delete");
        refused(response);
        assertTrue(sections.findBySlug(section.slug()).isPresent(), "the section is still there");
    }

    @Test
    void aBodylessDeleteDeletesNothing() {
        SectionView section = section();
        refused(admin.request().post("/admin/sections/" + section.id() + "/delete"));
        assertTrue(sections.findBySlug(section.slug()).isPresent(), "the section is still there");
    }

    @Test
    void aBodylessCorrectionIsRefusedWithAPage() {
        content.section("csrf");
        ArticleView article = content.publish("csrf", "Csrf correction story", Instant.now().minusSeconds(60));
        refused(admin.request().post("/admin/articles/" + article.id() + "/corrections"));
    }

    @Test
    void aSignOutWithATextBodyKeepsTheSession() {
        refused(admin.request().contentType("text/plain").body("x").post("/logout"));
        assertEquals(200, admin.request().get("/admin/articles").statusCode(), "still signed in");
    }

    @Test
    void theCsrfCookieIsStrictAndLastsAsLongAsASession() {
        Response page = given().get("/login");
        String cookie = page.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("newsroom-csrf="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Max-Age=43200"), "as long as the 12-hour session cap: " + cookie);
    }

    @Test
    void anExpiredFormKeepsTheTypedText() {
        admin.page("/admin/articles/new");
        Map<String, String> cookies = new java.util.HashMap<>(admin.cookies());
        cookies.remove("newsroom-csrf");
        Response response = given().redirects().follow(false).cookies(cookies)
                .header("Referer", "http://localhost:8081/admin/articles/new")
                .multiPart("csrf-token", admin.csrfToken()).multiPart("headline", "A headline typed for an hour")
                .multiPart("body", "Paragraph one.\n\nParagraph two, kept.").multiPart("action", "save")
                .post("/admin/articles");
        Document page = refused(response);
        List<String> kept = page.select("textarea").eachText();
        assertTrue(kept.contains("A headline typed for an hour"), kept.toString());
        assertTrue(page.select("textarea").stream().anyMatch(t -> t.val().equals("Paragraph one.\n\nParagraph two, kept.")),
                kept.toString());
        assertNotNull(page.selectFirst("a[href=/admin/articles/new]"), "a way back to the form");
    }
}
