package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.WorkingCopy;

/**
 * Editing a live story without readers ever seeing a half-done edit: the working copy, its preview and
 * the button that puts it live, a scheduled update, discarding, and the same rule over the API.
 */
@QuarkusTest
class WorkingCopyDeskTest {

    static final String PASSWORD = "working-copy-password-1";
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    EntityManager entityManager;

    NewsroomSession editor;

    @BeforeEach
    void users() {
        content.section("copydesk");
        if (accounts.find("copy-editor").isEmpty()) {
            accounts.create("copy-editor", "Copy Editor", Account.Role.EDITOR, PASSWORD);
        }
        editor = NewsroomSession.signIn("copy-editor", PASSWORD);
    }

    @Test
    void aLiveStoryIsEditedPreviewedAndUpdatedWithoutReadersSeeingTheDraft() {
        long id = publish("Working copy: the bridge opens", "2023-03-02T08:15:07");
        String form = "/admin/articles/" + id;
        String url = editorial.load(id).url();

        Map<String, String> edit = DeskForms.formValues(editor.page(form));
        edit.put("body", "The bridge opens on Monday, a week late.");
        Response kept = DeskForms.post(editor, form, edit);
        Document saved = editor.page(FormAssertions.seeOther(kept, form + "?done=kept"));
        assertEquals("Saved as a working copy: readers still see the live version. Preview it, then update live.",
                saved.selectFirst(".notice").text());
        assertTrue(saved.selectFirst(".working-copy-notice").text().contains("saved"), "the form says what it edits");
        assertEquals("The bridge opens on Monday, a week late.", saved.selectFirst("#body").wholeText().strip());
        assertNotNull(saved.selectFirst(".form-bar a[href=" + form + "/discard]"));
        // Text on the left, settings on the right (on wide screens), the actions in the bar above both.
        assertNotNull(saved.selectFirst("form.article-form > .form-columns > .form-text #body"));
        assertNotNull(saved.selectFirst("form.article-form > .form-columns > .form-settings #section"));
        assertNotNull(saved.selectFirst("form.article-form > .form-bar button[value=publish]"));

        // Readers, the feed and the sitemap's source see only the live version.
        assertFalse(TestContent.page(url).selectFirst(".article-body").text().contains("a week late"));
        assertFalse(given().get("/feed.xml").asString().contains("a week late"));

        Document preview = editor.page(form + "/preview");
        assertTrue(preview.selectFirst(".article-body").text().contains("a week late"), "the preview shows the working copy");
        assertTrue(preview.selectFirst(".preview-bar").text().contains("Readers still see the live version"));
        Element share = preview.selectFirst(".preview-bar input[readonly]");
        String shared = share.attr("value").replaceFirst("^https?://[^/]+", "");
        assertTrue(TestContent.page(shared).selectFirst(".article-body").text().contains("a week late"),
                "the shared link shows what the editor previewed");

        Element update = preview.selectFirst(".preview-bar form");
        FormAssertions.seeOther(editor.request().formParam("csrf-token", editor.csrfToken())
                .formParam("version", update.selectFirst("input[name=version]").attr("value")).post(update.attr("action")),
                form + "?done=published");
        Document live = TestContent.page(url);
        assertTrue(live.selectFirst(".article-body").text().contains("a week late"));
        assertNotNull(live.selectFirst(".dateline .updated"));
        Document after = editor.page(form);
        assertNull(after.selectFirst(".working-copy-notice"), "nothing waits any more");
        assertEquals("Updated live; edited body", editorial.load(id).revisions().get(0).summary());
    }

    @Test
    void aStalePreviewIsNotPutLive() {
        long id = publish("Working copy: a stale preview", "2023-03-03T08:00:00");
        String form = "/admin/articles/" + id;
        Map<String, String> edit = DeskForms.formValues(editor.page(form));
        edit.put("headline", "Working copy: the first change");
        DeskForms.post(editor, form, edit);
        Element update = editor.page(form + "/preview").selectFirst(".preview-bar form");

        Map<String, String> again = DeskForms.formValues(editor.page(form));
        again.put("headline", "Working copy: a second change, saved after that preview");
        assertEquals(303, DeskForms.post(editor, form, again).statusCode());

        Response stale = editor.request().formParam("csrf-token", editor.csrfToken())
                .formParam("version", update.selectFirst("input[name=version]").attr("value")).post(update.attr("action"));
        assertEquals(409, stale.statusCode());
        assertTrue(Jsoup.parse(stale.asString()).selectFirst(".problem").text().contains("nothing was put live"));
        assertEquals("Working copy: a stale preview", TestContent.page(editorial.load(id).url()).selectFirst("h1").text());
    }

    @Test
    void discardingAsksFirstAndLeavesTheLiveVersion() {
        long id = publish("Working copy: to be discarded", "2023-03-04T08:00:00");
        String form = "/admin/articles/" + id;
        Map<String, String> edit = DeskForms.formValues(editor.page(form));
        edit.put("headline", "Working copy: a change nobody wants");
        DeskForms.post(editor, form, edit);

        Document question = editor.page(form + "/discard");
        assertEquals("Discard the working copy?", question.selectFirst("h1").text());
        assertTrue(question.selectFirst(".confirm-question").text().contains("a change nobody wants"));
        assertEquals(form, question.selectFirst("form.confirm-actions a").attr("href"), "Cancel goes back to the form");
        assertEquals("Working copy: a change nobody wants", editor.page(form).selectFirst("#headline").attr("value"),
                "asking changed nothing");

        Document after = editor.page(FormAssertions.seeOther(editor.request().formParam("csrf-token", editor.csrfToken())
                .post(question.selectFirst("form.confirm-actions").attr("action")), form + "?done=discarded"));
        assertEquals("Working copy: to be discarded", after.selectFirst("#headline").attr("value"));
        assertNull(after.selectFirst(".working-copy-notice"));
        assertEquals(404, editor.request().get(form + "/discard").statusCode(), "nothing left to discard");
        assertEquals(400, editor.request().post(form + "/discard").statusCode(), "a post without its CSRF token is refused");
    }

    @Test
    void aScheduledUpdateGoesLiveAtItsTimeAndTheNoticeSaysWhen() {
        long id = publish("Working copy: results at noon", "2023-03-05T08:00:00");
        String form = "/admin/articles/" + id;
        String url = editorial.load(id).url();
        LocalDateTime at = LocalDateTime.now(ROME).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> edit = DeskForms.formValues(editor.page(form));
        edit.put("body", "The results: everyone passed.");
        edit.put("goLiveAt", at.toString());
        edit.put("action", "schedule");
        Document saved = editor.page(FormAssertions.seeOther(DeskForms.post(editor, form, edit), form + "?done=update-scheduled"));
        String when = at.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH'h'mm"));
        assertEquals("Update scheduled: it goes live at " + when + " (Europe/Rome time); until then readers see the live version.",
                saved.selectFirst(".notice").text());
        assertEquals(at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")), saved.selectFirst("#goLiveAt").attr("value"));

        editorial.publishDue();
        assertFalse(TestContent.page(url).selectFirst(".article-body").text().contains("everyone passed"), "not before its time");

        // Its time came while the site was down: the next run puts it live.
        QuarkusTransaction.requiringNew().run(() -> entityManager.find(WorkingCopy.class, id).goLiveAt = Instant.now().minusSeconds(60));
        assertTrue(editorial.publishDue() >= 1);
        assertTrue(TestContent.page(url).selectFirst(".article-body").text().contains("everyone passed"));
        assertEquals("Updated on schedule; edited body", editorial.load(id).revisions().get(0).summary());
        assertNull(editorial.load(id).pending());

        Map<String, String> past = DeskForms.formValues(editor.page(form));
        past.put("goLiveAt", "2020-01-01T10:00");
        past.put("action", "schedule");
        FormAssertions.assertFieldError(FormAssertions.rejected(DeskForms.post(editor, form, past)), "goLiveAt",
                "That time has passed: choose a time in the future, or update live now");
    }

    @Test
    void anUntouchedSaveKeepsThePublicationTimeToTheSecondAndRecordsNoChange() {
        long id = publish("Working copy: seconds matter", "2023-03-06T18:21:01");
        String form = "/admin/articles/" + id;
        Instant before = editorial.load(id).input().publishedAt();
        assertEquals(Instant.parse("2023-03-06T17:21:01Z"), before);
        Document page = editor.page(form);
        assertEquals("2023-03-06T18:21:01", page.selectFirst("#publishedAt").attr("value"));
        assertEquals("1", page.selectFirst("#publishedAt").attr("step"));

        Map<String, String> untouched = DeskForms.formValues(page);
        untouched.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, form, untouched).statusCode());
        assertEquals(before, editorial.load(id).input().publishedAt());
        assertEquals("Updated live; no changes", editorial.load(id).revisions().get(0).summary());
    }

    @Test
    void theApiKeepsADraftOfALiveArticleAsItsWorkingCopy() {
        long id = publish("Working copy: over the API", "2023-03-07T09:00:00");
        String url = editorial.load(id).url();
        JsonPath article = api().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
        assertNull(article.get("workingCopy"));

        Map<String, Object> body = new java.util.HashMap<>(Map.of("headline", "Working copy: over the API, revised",
                "body", "A revised body from the wire.", "section", "copydesk", "status", "draft",
                "version", article.getLong("version")));
        JsonPath answered = api().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("published", answered.getString("status"));
        assertEquals("Working copy: over the API", answered.getString("headline"), "the live version is unchanged");
        assertEquals("Working copy: over the API, revised", answered.getString("workingCopy.content.headline"));
        assertEquals("Working copy: over the API", TestContent.page(url).selectFirst("h1").text());
        assertEquals("A revised body from the wire.", api().get("/api/v1/articles/" + id + "/working-copy")
                .then().statusCode(200).extract().jsonPath().getString("content.body"));

        body.put("status", "published");
        body.put("version", answered.getLong("version"));
        JsonPath live = api().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertNull(live.get("workingCopy"));
        assertEquals("Working copy: over the API, revised", TestContent.page(url).selectFirst("h1").text());
        api().get("/api/v1/articles/" + id + "/working-copy").then().statusCode(404);
        api().delete("/api/v1/articles/" + id + "/working-copy").then().statusCode(404);

        body.put("status", "draft");
        body.put("version", live.getLong("version"));
        body.put("headline", "Working copy: not wanted");
        api().contentType(ContentType.JSON).body(body).put("/api/v1/articles/" + id).then().statusCode(200);
        api().delete("/api/v1/articles/" + id + "/working-copy").then().statusCode(204);
        assertEquals("Working copy: over the API, revised", TestContent.page(url).selectFirst("h1").text());
    }

    @Test
    void theSearchTitleAndDescriptionLeadThePagesHeadAndTheBylinesStartEmpty() {
        editor.page("/admin/articles/new");
        Document blank = editor.page("/admin/articles/new");
        assertEquals("", blank.selectFirst("#bylines").attr("value"), "no byline until someone types one");
        assertEquals("byline-names", blank.selectFirst("#bylines").attr("list"));
        Map<String, String> fields = DeskForms.article("Working copy: a long headline that search engines cut", "copydesk");
        fields.put("seoTitle", "Short search title");
        fields.put("seoDescription", "What the search result says.");
        fields.put("bylines", "Copy Editor");
        fields.put("action", "publish");
        fields.put("publishedAt", "2023-03-08T09:00");
        long id = DeskForms.idFrom(DeskForms.post(editor, "/admin/articles", fields));
        Document page = TestContent.page(editorial.load(id).url());
        assertEquals("Short search title | " + page.title().replaceFirst("^.*\\| ", ""), page.title());
        assertEquals("Short search title", page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("What the search result says.", page.selectFirst("meta[name=description]").attr("content"));
        assertEquals("Working copy: a long headline that search engines cut", page.selectFirst("h1").text(), "the page keeps its headline");

        // A picture for link previews replaces the site's default in OpenGraph and JSON-LD, and readers may fetch it.
        Document form = editor.page("/admin/articles/" + id);
        Map<String, String> social = DeskForms.formValues(form);
        social.put("action", "publish");
        io.restassured.specification.RequestSpecification upload = editor.request().multiPart("csrf-token", editor.csrfToken());
        social.forEach(upload::multiPart);
        upload.multiPart("socialImage", "share.png", DeskForms.PNG, "application/octet-stream");
        assertEquals(303, editor.keep(upload.post("/admin/articles/" + id)).statusCode());
        String socialId = editor.page("/admin/articles/" + id).selectFirst("input[name=socialImageId]").attr("value");
        assertFalse(socialId.isBlank());
        Document shared = TestContent.page(editorial.load(id).url());
        String ogImage = shared.selectFirst("meta[property=og:image]").attr("content");
        assertTrue(ogImage.contains("/media/" + socialId), ogImage);
        assertTrue(shared.select("script[type=application/ld+json]").first().data().contains("/media/" + socialId));
        given().get(ogImage.replaceFirst("^https?://[^/]+", "")).then().statusCode(200);
        assertEquals("Updated live; edited social image", editorial.load(id).revisions().get(0).summary(),
                "the history names the change");

        Document next = editor.page("/admin/articles/new");
        Element mine = next.selectFirst("button[data-add-byline]");
        assertEquals("Copy Editor", mine.attr("data-add-byline"), "the account's own author, once one has its name");
        assertTrue(next.select("#byline-names option").eachAttr("value").contains("Copy Editor"));
    }

    private long publish(String headline, String publishedAt) {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article(headline, "copydesk");
        fields.put("action", "publish");
        fields.put("publishedAt", publishedAt);
        Response saved = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        return DeskForms.idFrom(saved);
    }

    private static io.restassured.specification.RequestSpecification api() {
        return given().auth().preemptive().basic(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD);
    }
}
