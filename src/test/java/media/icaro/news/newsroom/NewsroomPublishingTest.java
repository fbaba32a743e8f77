package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;

/**
 * An article's life in the newsroom, through HTTP only, as an editor's browser lives it: sign in with
 * the login form, write and publish an article, read it on the site, edit it, unpublish it. Nothing is
 * injected, so {@link NewsroomPublishingIT} runs the same against the packaged jar.
 */
@QuarkusTest
class NewsroomPublishingTest {

    static final String SECTION = "desk-journeys";
    static final String SECTION_PATH = "/" + SECTION;

    NewsroomSession admin;

    @BeforeEach
    void signIn() {
        ensureSection(SECTION, "Desk journeys");
        admin = NewsroomSession.signIn(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD);
    }

    /** Creates the section over the API the first time; articles keep it, so it is never deleted. */
    static void ensureSection(String slug, String name) {
        int status = given().auth().preemptive().basic(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD)
                .get("/api/v1/sections/" + slug).statusCode();
        if (status == 404) {
            given().auth().preemptive().basic(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "name", name, "description", "Stories of the " + name + " tests"))
                    .post("/api/v1/sections").then().statusCode(201);
        }
    }

    @Test
    void anArticleIsWrittenPublishedEditedAndUnpublishedInTheNewsroom() {
        Document blank = admin.page("/admin/articles/new");
        assertNotNull(blank.selectFirst("#section option[value=" + SECTION + "]"), "the form offers the section");
        Map<String, String> fields = DeskForms.formValues(blank);
        fields.put("headline", "Journey: the harbour reopens after the storm");
        fields.put("standfirst", "Ferries run again from Tuesday.");
        fields.put("body", "The harbour master said the *last* crane was cleared.\n\nRepairs cost less than feared.");
        fields.put("section", SECTION);
        fields.put("tags", "Journey harbour, Storms");
        assertEquals("", fields.get("bylines"), "bylines start empty: the account's name is not an author");
        fields.put("bylines", "Harbour Reporter");
        fields.put("publishedAt", "2023-09-14T10:30");
        fields.put("action", "publish");

        Response created = DeskForms.post(admin, "/admin/articles", fields);
        String desk = FormAssertions.seeOther(created, "/admin/articles/" + DeskForms.idFrom(created) + "?done=published");
        Document saved = admin.page(desk);
        assertEquals("Published: the article is live.", saved.selectFirst(".notice").text());
        String url = saved.selectFirst(".article-status a").attr("href");
        assertEquals("/" + SECTION + "/2023/09/14/journey-the-harbour-reopens-after-the-storm", url);

        Document page = page(url);
        assertEquals("Journey: the harbour reopens after the storm", page.selectFirst("h1").text());
        assertEquals("Ferries run again from Tuesday.", page.selectFirst(".standfirst").text());
        assertEquals("last", page.selectFirst(".article-body em").text(), "the body is Markdown");
        assertEquals("14/09/2023 10h30", page.selectFirst(".dateline time").text(), "dated in the site's time zone");
        assertEquals("By Harbour Reporter", page.selectFirst(".byline").text());
        assertNull(page.selectFirst(".dateline .updated"));
        assertFalse(page(SECTION_PATH).select("main a[href=\"" + url + "\"]").isEmpty(), "listed in its section");

        // Editing the live story: the change waits as a working copy, previews as it will read, then goes live.
        String form = desk.replaceFirst("\\?.*$", "");
        Map<String, String> edit = DeskForms.formValues(admin.page(desk));
        edit.put("headline", "Journey: the harbour reopens, with a new ferry timetable");
        edit.put("action", "preview");
        FormAssertions.seeOther(DeskForms.post(admin, form, edit), form + "/preview");
        assertEquals("Journey: the harbour reopens after the storm", page(url).selectFirst("h1").text(), "readers see the live version");
        Document preview = admin.page(form + "/preview");
        assertEquals("Journey: the harbour reopens, with a new ferry timetable", preview.selectFirst("h1").text());
        assertNotNull(preview.selectFirst(".dateline .updated"), "the preview shows it will read \"Updated\"");
        assertEquals(form, preview.selectFirst(".preview-bar a:contains(Back to editing)").attr("href"));
        Element update = preview.selectFirst(".preview-bar form");
        assertEquals("Update live", update.selectFirst("button").text());
        Response live = admin.request().formParam("csrf-token", admin.csrfToken())
                .formParam("version", update.selectFirst("input[name=version]").attr("value")).post(update.attr("action"));
        FormAssertions.seeOther(live, desk);
        Document edited = page(url);
        assertEquals("Journey: the harbour reopens, with a new ferry timetable", edited.selectFirst("h1").text(),
                "the same address shows the edit");
        assertNotNull(edited.selectFirst(".dateline .updated"), "an edit of a live story marks it updated");

        // Unpublishing asks first.
        String ask = admin.page(desk).selectFirst(".form-bar a:contains(Unpublish)").attr("href");
        Document question = admin.page(ask);
        assertEquals("Unpublish this article?", question.selectFirst("h1").text());
        assertEquals("Cancel and go back", question.selectFirst("form.confirm-actions a").text());
        FormAssertions.seeOther(admin.request().formParam("csrf-token", admin.csrfToken()).post(question.selectFirst("form.confirm-actions").attr("action")),
                desk.replace("published", "unpublished"));
        given().redirects().follow(false).get(url).then().statusCode(404);
        assertTrue(page(SECTION_PATH).select("main a[href=\"" + url + "\"]").isEmpty(), "gone from its section");
        assertEquals("unpublished", admin.page(desk).selectFirst(".article-status .status").text(), "kept in the newsroom");
    }

    @Test
    void aFormWithAMistakeComesBackAsTypedAndSavesNothing() {
        String inSection = "/admin/articles?section=" + SECTION;
        int before = admin.page(inSection).select(".desk-table tbody tr").size();
        Map<String, String> fields = DeskForms.formValues(admin.page("/admin/articles/new"));
        fields.put("headline", "");
        fields.put("body", "Journey: a body typed before the mistake was noticed.");
        fields.put("section", SECTION);
        fields.put("pinnedRelated", "journey-no-such-story");

        Document form = FormAssertions.rejected(DeskForms.post(admin, "/admin/articles", fields));
        FormAssertions.assertFieldError(form, "headline", "Write a headline");
        FormAssertions.assertFieldError(form, "pinnedRelated", "No article matches 'journey-no-such-story'");
        FormAssertions.assertOnlyErrors(form, "headline", "pinnedRelated");
        assertEquals("Journey: a body typed before the mistake was noticed.", form.selectFirst("#body").text());
        assertEquals(SECTION, form.selectFirst("#section option[selected]").attr("value"));
        assertEquals(before, admin.page(inSection).select(".desk-table tbody tr").size(), "nothing saved");
    }

    /** A public page, read as a reader does: without the newsroom's cookies. */
    static Document page(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.asString(), "http://localhost" + path);
    }
}
