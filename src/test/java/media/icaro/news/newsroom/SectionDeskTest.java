package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.FormAssertions.assertFieldError;
import static media.icaro.news.newsroom.FormAssertions.assertOnlyErrors;
import static media.icaro.news.newsroom.FormAssertions.assertSentToSignIn;
import static media.icaro.news.newsroom.FormAssertions.rejected;
import static media.icaro.news.newsroom.FormAssertions.seeOther;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/** The admin's sections page, through HTTP as a browser uses it; the public navigation shows the result. */
@QuarkusTest
class SectionDeskTest {

    @Inject
    DeskAccounts accounts;

    @Inject
    SectionService sections;

    @Inject
    EditorialService editorial;

    @Inject
    TestContent content;

    private NewsroomSession admin;
    private final List<String> made = new ArrayList<>();

    @BeforeEach
    void signIn() {
        admin = NewsroomSession.signIn(DeskAccounts.ADMIN, DeskAccounts.ADMIN_PASSWORD);
    }

    /** Leaves no section of its own behind: each would cost the front page a query. */
    @AfterEach
    void removeOwnSections() {
        for (String slug : made) {
            sections.findBySlug(slug).ifPresent(s -> sections.delete(s.id()));
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndTheirPostsChangeNothing() {
        SectionView section = section("out");
        String slug = DeskAccounts.unique("out-new");
        made.add(slug);

        Response get = given().redirects().follow(false).get("/admin/sections");
        assertEquals(302, get.statusCode());
        assertTrue(get.header("Location").endsWith("/login"), get.header("Location"));

        assertSentToSignIn(given().redirects().follow(false).formParam("slug", slug).formParam("name", "Out")
                .post("/admin/sections"));
        assertSentToSignIn(given().redirects().follow(false).formParam("name", "Renamed while out")
                .post("/admin/sections/" + section.id()));
        assertSentToSignIn(given().redirects().follow(false).post("/admin/sections/" + section.id() + "/delete"));

        assertTrue(sections.findBySlug(slug).isEmpty(), "not created");
        assertEquals(section.name(), sections.findBySlug(section.slug()).orElseThrow().name(), "not renamed, not deleted");
    }

    @Test
    void contributorsAndEditorsAreForbidden() {
        SectionView section = section("roles");
        for (Account.Role role : List.of(Account.Role.CONTRIBUTOR, Account.Role.EDITOR)) {
            NewsroomSession session = NewsroomSession.signIn(accounts.create("sections-" + role.name().toLowerCase(), role),
                    DeskAccounts.PASSWORD);
            assertNull(session.page("/admin/articles").selectFirst(".newsroom-nav a[href=/admin/sections]"),
                    "no Sections link for a " + role);
            assertEquals(403, session.request().get("/admin/sections").statusCode(), role.name());

            String token = session.csrfToken();
            String slug = DeskAccounts.unique("forbidden");
            made.add(slug);
            assertEquals(403, session.request().formParam("csrf-token", token).formParam("slug", slug)
                    .formParam("name", "Forbidden").post("/admin/sections").statusCode(), role.name());
            assertEquals(403, session.request().formParam("csrf-token", token).formParam("name", "Forbidden rename")
                    .post("/admin/sections/" + section.id()).statusCode(), role.name());
            assertEquals(403, session.request().formParam("csrf-token", token)
                    .post("/admin/sections/" + section.id() + "/delete").statusCode(), role.name());

            assertTrue(sections.findBySlug(slug).isEmpty(), "not created by a " + role);
            assertEquals(section.name(), sections.findBySlug(section.slug()).orElseThrow().name(), "unchanged by a " + role);
        }
    }

    @Test
    void listsSectionsInNavigationOrderWithTheirArticleCounts() {
        SectionView empty = section("empty-count");
        Document page = admin.page("/admin/sections");
        assertNotNull(page.selectFirst(".newsroom-nav a[href=/admin/sections]"), "admins see the Sections link");
        List<String> listed = page.select(".desk-table tbody tr td:nth-child(3) a").eachAttr("href");
        List<String> navigation = sections.navigation().stream().map(SectionView::url).toList();
        assertEquals(navigation, listed, "navigation order");

        Element politics = row(page, "/politics");
        assertEquals("1", politics.child(0).text(), "Politics comes first");
        assertTrue(Long.parseLong(politics.child(3).text()) > 0, "Politics holds articles: " + politics.text());
        assertEquals(String.valueOf(sections.articleCounts().get(sections.findBySlug("politics").orElseThrow().id())),
                politics.child(3).text(), "articles in any status");
        assertEquals("0", row(page, empty.url()).child(3).text(), "a new section is empty");
    }

    @Test
    void createsASectionAtAPositionAndItJoinsThePublicNavigation() {
        String slug = DeskAccounts.unique("created");
        made.add(slug);
        Response created = post("/admin/sections", "slug", slug, "name", "Adm Created Desk",
                "description", "Stories the desk made.", "position", "2");

        Document page = admin.page(seeOther(created, "/admin/sections?done=created"));
        assertEquals("Section created: it is in the site's navigation.", page.selectFirst(".notice").text());
        Element row = row(page, "/" + slug);
        assertEquals("2", row.child(0).text());
        assertEquals("Adm Created Desk", row.child(1).text());
        assertEquals("0", row.child(3).text());

        List<String> publicNav = TestContent.page("/").select("header .site-nav a").eachAttr("href");
        assertEquals("/" + slug, publicNav.get(1), "second in the public navigation: " + publicNav);
        Document sectionPage = TestContent.page("/" + slug);
        assertEquals("Adm Created Desk", sectionPage.selectFirst("h1").text());
        assertTrue(sectionPage.text().contains("Stories the desk made."));
    }

    @Test
    void aNewSectionWithoutAPositionGoesLast() {
        String slug = DeskAccounts.unique("last");
        made.add(slug);
        seeOther(post("/admin/sections", "slug", slug, "name", "Adm Last", "description", "", "position", ""),
                "/admin/sections?done=created");
        List<String> publicNav = TestContent.page("/").select("header .site-nav a").eachAttr("href");
        assertEquals("/" + slug, publicNav.get(publicNav.size() - 1), publicNav.toString());
    }

    @Test
    void aBlankNameComesBackBesideTheNameWithTheTypedValues() {
        String slug = DeskAccounts.unique("blank");
        made.add(slug);
        Document page = rejected(post("/admin/sections", "slug", slug, "name", "   ", "description", "Kept words",
                "position", "3"));
        assertFieldError(page, "name", "Give the section a name");
        assertOnlyErrors(page, "name");
        assertEquals(slug, page.getElementById("slug").val());
        assertEquals("Kept words", page.getElementById("description").text());
        assertEquals("3", page.getElementById("position").val());
        assertTrue(page.selectFirst(".error-summary").text().contains("The section was not created"));
        assertTrue(sections.findBySlug(slug).isEmpty(), "nothing created");

        Document onlySlug = rejected(post("/admin/sections", "slug", slug));
        assertFieldError(onlySlug, "name", "Give the section a name");
        assertEquals("", onlySlug.getElementById("description").text(), "a field not sent comes back empty");
        assertEquals("", onlySlug.getElementById("position").val());
    }

    @Test
    void badReservedAndTakenSlugsAreRefusedBesideTheSlug() {
        Document bad = rejected(post("/admin/sections", "slug", "Adm Not A Slug", "name", "Adm Bad", "description", "",
                "position", ""));
        assertFieldError(bad, "slug", "Use lower-case letters, digits and single hyphens");
        assertOnlyErrors(bad, "slug");
        assertEquals("Adm Not A Slug", bad.getElementById("slug").val());
        assertEquals("Adm Bad", bad.getElementById("name").val());

        Document reserved = rejected(post("/admin/sections", "slug", "admin", "name", "Adm Reserved", "description", "",
                "position", ""));
        assertFieldError(reserved, "slug", "'admin' is reserved for another part of the site");
        assertEquals("admin", reserved.getElementById("slug").val());

        Document taken = rejected(post("/admin/sections", "slug", "politics", "name", "Adm Politics Again",
                "description", "", "position", ""));
        assertFieldError(taken, "slug", "There is already a section 'politics'");
        assertEquals("Adm Politics Again", taken.getElementById("name").val());
        assertEquals("Politics", sections.findBySlug("politics").orElseThrow().name(), "the existing one is untouched");

        Document both = rejected(post("/admin/sections", "slug", "-", "name", "", "description", "", "position", ""));
        assertFieldError(both, "slug", "Use lower-case letters");
        assertFieldError(both, "name", "Give the section a name");
        assertEquals(2, both.select(".error-summary li").size(), "every problem at once");
    }

    @Test
    void aPositionThatIsNotANumberIsRefusedBesideThePosition() {
        String slug = DeskAccounts.unique("position");
        made.add(slug);
        Document page = rejected(post("/admin/sections", "slug", slug, "name", "Adm Position", "description", "",
                "position", "first"));
        assertFieldError(page, "position", "Give a whole number");
        assertEquals("first", page.getElementById("position").val());
        assertTrue(sections.findBySlug(slug).isEmpty());
    }

    @Test
    void withoutTheCsrfTokenNothingIsCreatedChangedOrDeleted() {
        SectionView section = section("csrf");
        String slug = DeskAccounts.unique("csrf-new");
        made.add(slug);
        admin.page("/admin/sections");
        assertEquals(400, admin.request().formParam("slug", slug).formParam("name", "Adm No Token")
                .post("/admin/sections").statusCode());
        assertEquals(400, admin.request().formParam("name", "Adm No Token Rename")
                .post("/admin/sections/" + section.id()).statusCode());
        assertEquals(400, admin.request().post("/admin/sections/" + section.id() + "/delete").statusCode());
        assertEquals(400, admin.request().formParam("csrf-token", "forged").formParam("name", "Adm Forged")
                .post("/admin/sections/" + section.id()).statusCode());

        assertTrue(sections.findBySlug(slug).isEmpty(), "not created");
        assertEquals(section.name(), sections.findBySlug(section.slug()).orElseThrow().name(), "not renamed, not deleted");
    }

    @Test
    void renamesDescribesAndMovesASectionWhoseAddressStays() {
        SectionView section = section("rename");
        Response saved = post("/admin/sections/" + section.id(), "name", "Adm Renamed", "description", "Now described.",
                "position", "3");

        Document page = admin.page(seeOther(saved, "/admin/sections?done=saved"));
        assertEquals("Section saved.", page.selectFirst(".notice").text());
        assertEquals("3", row(page, section.url()).child(0).text());
        assertEquals("Adm Renamed", page.getElementById("name-" + section.id()).val());
        assertEquals("Now described.", page.getElementById("description-" + section.id()).text());

        Element link = TestContent.page("/").select("header .site-nav a").get(2);
        assertEquals(section.url(), link.attr("href"), "third in the public navigation, at the same address");
        assertEquals("Adm Renamed", link.text());
        assertTrue(TestContent.page(section.url()).text().contains("Now described."));
    }

    @Test
    void aChangeWithErrorsComesBackInThatSectionsOwnForm() {
        SectionView section = section("update-error");
        Document page = rejected(post("/admin/sections/" + section.id(), "name", "", "description", "Typed description",
                "position", "2"));
        String id = String.valueOf(section.id());
        assertFieldError(page, "name-" + id, "Give the section a name");
        assertOnlyErrors(page, "name-" + id);
        assertEquals("Typed description", page.getElementById("description-" + id).text());
        assertEquals("2", page.getElementById("position-" + id).val());
        assertEquals("", page.getElementById("name").val(), "the new-section form stays empty");
        assertFalse(page.getElementById("name").parent().hasClass("field--error"));
        assertTrue(page.selectFirst(".error-summary").text().contains("The section was not changed"));

        assertEquals(section.name(), sections.findBySlug(section.slug()).orElseThrow().name(), "unchanged");
        assertEquals(404, post("/admin/sections/999999999", "name", "Adm Nothing", "description", "", "position", "")
                .statusCode());
    }

    @Test
    void aSectionWithArticlesCannotBeDeletedAndOnceEmptiedItCan() {
        SectionView section = section("full");
        ArticleView draft = content.draft(section.slug(), "Adm draft keeping its section", null, List.of());

        Document refused = rejected(post("/admin/sections/" + section.id() + "/delete"));
        Element message = refused.getElementById("section-" + section.id() + "-error");
        assertNotNull(message, "the refusal sits in the section's panel");
        assertTrue(message.text().contains(section.name() + " holds 1 article"), message.text());
        assertTrue(message.text().contains("cannot be deleted"), message.text());
        Element delete = refused.selectFirst("form[action=/admin/sections/" + section.id() + "/delete] button");
        assertEquals("section-" + section.id() + "-error", delete.attr("aria-describedby"));
        assertNotNull(refused.selectFirst(".error-summary a[href=#section-" + section.id() + "]"));
        assertEquals("1", row(refused, section.url()).child(3).text());
        assertTrue(refused.getElementById("section-" + section.id() + "-heading").text().endsWith(" 1 article"));
        assertTrue(sections.findBySlug(section.slug()).isPresent(), "still there");
        assertTrue(TestContent.page("/").select("header .site-nav a").eachAttr("href").contains(section.url()));

        editorial.update(draft.id(), editorial.load(draft.id()).version(),
                TestContent.input("politics", "Adm draft keeping its section", null, List.of()),
                EditorialService.Action.SAVE, Editor.SYSTEM);
        seeOther(post("/admin/sections/" + section.id() + "/delete"), "/admin/sections?done=deleted");
        assertTrue(sections.findBySlug(section.slug()).isEmpty(), "deleted once empty");
    }

    @Test
    void deletingAnEmptySectionTakesItOutOfTheNavigation() {
        SectionView section = section("delete");
        assertTrue(TestContent.page("/").select("header .site-nav a").eachAttr("href").contains(section.url()));

        Response deleted = post("/admin/sections/" + section.id() + "/delete");

        Document page = admin.page(seeOther(deleted, "/admin/sections?done=deleted"));
        assertEquals("Section deleted: it is no longer in the site's navigation.", page.selectFirst(".notice").text());
        assertTrue(page.select(".desk-table a[href=" + section.url() + "]").isEmpty());
        assertFalse(TestContent.page("/").select("header .site-nav a").eachAttr("href").contains(section.url()));
        assertEquals(404, given().redirects().follow(false).get(section.url()).statusCode());
    }

    /** A new empty section of this test's own, at the end of the navigation. */
    private SectionView section(String what) {
        String slug = DeskAccounts.unique(what);
        made.add(slug);
        return sections.create(slug, "Adm " + what, null, null);
    }

    /** POSTs a form as the admin, with the CSRF token of the sections page. */
    private Response post(String path, String... fields) {
        admin.page("/admin/sections");
        var request = admin.request().formParam("csrf-token", admin.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return admin.keep(request.post(path));
    }

    private static Element row(Document page, String url) {
        Element link = page.selectFirst(".desk-table tbody td a[href=" + url + "]");
        assertNotNull(link, "a row for " + url);
        return link.closest("tr");
    }
}
