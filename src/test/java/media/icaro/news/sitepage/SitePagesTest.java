package media.icaro.news.sitepage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.section.SectionService;

/** The site's own pages: the first start's, linked from every footer, and those editors write in the newsroom. */
@QuarkusTest
class SitePagesTest {

    static final String SEED = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    @Inject
    SectionService sections;

    @Inject
    AccountService accounts;

    private NewsroomSession admin;

    @BeforeEach
    void signIn() {
        admin = NewsroomSession.signIn(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD);
    }

    @Test
    void theFirstStartsPagesAreLinkedFromEveryFooterWithTheFeed() {
        for (String path : List.of("/", "/politics", SEED)) {
            List<String> hrefs = TestContent.page(path).select(".site-footer nav.footer-pages a").eachAttr("href");
            assertTrue(hrefs.containsAll(List.of("/about", "/corrections-policy", "/privacy", "/feed.xml")), path + ": " + hrefs);
            assertTrue(hrefs.indexOf("/about") < hrefs.indexOf("/corrections-policy"), "in the footer's order: " + hrefs);
            assertFalse(hrefs.contains("/contact"), "a draft is not linked: " + hrefs);
        }
        Document about = TestContent.page("/about");
        assertEquals("About us", about.selectFirst("main h1").text());
        assertTrue(about.selectFirst(".article-body").text().startsWith("ICARO Media Group publishes independent reporting"),
                about.selectFirst(".article-body").text());
        assertTrue(about.selectFirst("link[rel=canonical]").attr("href").endsWith("/about"));
        given().redirects().follow(false).get("/contact").then().statusCode(404);
    }

    @Test
    void anEditorWritesPublishesChangesAndDeletesAPage() {
        assertNotNull(admin.page("/admin/pages/new").getElementById("slug"));

        // An address a section or the site already uses is refused, with everything typed kept.
        Map<String, String> fields = new LinkedHashMap<>(Map.of("slug", "politics", "title", "Our standards",
                "body", "We check **every** fact.", "published", "on"));
        Document refused = rejected(post("/admin/pages", fields));
        assertTrue(refused.getElementById("slug-error").text().contains("already the address of a section"),
                refused.getElementById("slug-error").text());
        assertEquals("We check **every** fact.", refused.getElementById("body").text());
        fields.put("slug", "admin");
        assertTrue(rejected(post("/admin/pages", fields)).getElementById("slug-error").text().contains("reserved"));

        fields.put("slug", "standards");
        Response created = post("/admin/pages", fields);
        assertEquals(303, created.statusCode(), created.asString());
        String edit = created.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        Document page = TestContent.page("/standards");
        assertEquals("Our standards", page.selectFirst("main h1").text());
        assertEquals("every", page.selectFirst(".article-body strong").text());
        assertEquals(1, page.select(".site-footer a[href=/standards]").size(), "linked from the footer");

        FieldErrors.Invalid taken = assertThrows(FieldErrors.Invalid.class, () -> sections.create("standards", "Standards", null),
                "a section cannot take a page's address");
        assertTrue(taken.errors().message("slug").contains("already the address of a page"), taken.errors().message("slug"));

        Document editing = admin.page(edit);
        Map<String, String> change = new LinkedHashMap<>(Map.of("title", "Our editorial standards", "body", "We check facts.",
                "published", "on", "version", editing.selectFirst("input[name=version]").val()));
        assertEquals(303, post(edit, change).statusCode());
        assertEquals("Our editorial standards", TestContent.page("/standards").selectFirst("main h1").text());

        // A form opened before that save is refused, keeping what was typed.
        change.put("title", "A stale title");
        Response stale = post(edit, change);
        assertEquals(409, stale.statusCode());
        Document kept = Jsoup.parse(stale.asString());
        assertEquals("A stale title", kept.getElementById("title").val());
        assertTrue(kept.selectFirst(".problem").text().contains("saved this page after you opened it"));

        assertEquals(303, post(edit + "/delete", Map.of()).statusCode());
        given().redirects().follow(false).get("/standards").then().statusCode(404);
        assertTrue(TestContent.page("/").select(".site-footer a[href=/standards]").isEmpty());
    }

    @Test
    void onlyEditorsAndAdminsWritePages() {
        assertEquals(302, given().redirects().follow(false).get("/admin/pages").statusCode(), "signed out: sent to sign in");
        String username = "pages-contributor-" + System.nanoTime() % 100000;
        accounts.create(username, "Pages Contributor", Account.Role.CONTRIBUTOR, "pages-test-password-1");
        NewsroomSession contributor = NewsroomSession.signIn(username, "pages-test-password-1");
        assertEquals(403, contributor.request().get("/admin/pages").statusCode());
        assertEquals(403, contributor.request().formParam("csrf-token", contributor.csrfToken())
                .formParam("slug", "sneaky").formParam("title", "T").formParam("body", "B").post("/admin/pages").statusCode());
    }

    private Response post(String path, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("csrf-token", admin.csrfToken());
        return admin.request().formParams(body).post(path);
    }

    private static Document rejected(Response response) {
        assertEquals(400, response.statusCode(), response.asString());
        return Jsoup.parse(response.asString());
    }
}
