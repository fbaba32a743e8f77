package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.ArticleRepository;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Revision;
import media.icaro.news.article.EditorialService;
import media.icaro.news.media.ImageRepository;

/** The article form, as editors and contributors use it in a browser. */
@QuarkusTest
class ArticleDeskTest {

    static final String PASSWORD = "desk-test-password-1";
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    ArticleRepository articleRepository;

    @Inject
    ImageRepository imageRepository;

    @Inject
    EntityManagerFactory entityManagerFactory;

    NewsroomSession editor;
    NewsroomSession contributor;

    @BeforeEach
    void users() {
        content.section("desk");
        for (var user : List.of(List.of("desk-editor", "EDITOR"), List.of("desk-writer", "CONTRIBUTOR"), List.of("desk-writer2", "CONTRIBUTOR"))) {
            if (accounts.find(user.get(0)).isEmpty()) {
                accounts.create(user.get(0), "Desk " + user.get(0), Account.Role.valueOf(user.get(1)), PASSWORD);
            }
        }
        editor = NewsroomSession.signIn("desk-editor", PASSWORD);
        contributor = NewsroomSession.signIn("desk-writer", PASSWORD);
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPageAndCannotPost() {
        given().redirects().follow(false).get("/admin/articles").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
        given().redirects().follow(false).get("/admin/articles/new").then().statusCode(302);
        int status = given().redirects().follow(false).multiPart("headline", "Sneaky").multiPart("body", "x")
                .multiPart("section", "desk").multiPart("action", "publish").post("/admin/articles").statusCode();
        assertTrue(status == 302 || status == 401 || status == 403, "refused: " + status);
        assertTrue(editorial.list(null, "desk", "Sneaky", null, 10).isEmpty());
    }

    @Test
    void anEditorPublishesAnArticleWithAnImageAndReadersSeeIt() {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("Desk story with a picture", "desk");
        fields.put("standfirst", "A standfirst typed in the newsroom.");
        fields.put("imageAlt", "A single green pixel");
        fields.put("imageCaption", "The smallest picture");
        fields.put("imageCredit", "ICARO Photo");
        fields.put("tags", "Desk testing, Pixels");
        fields.put("action", "publish");
        Response saved = DeskForms.post(editor, "/admin/articles", fields, DeskForms.PNG, "pixel.png");
        assertEquals(303, saved.statusCode(), saved.asString());
        assertTrue(saved.header("Location").endsWith("?done=published"));

        Document desk = editor.page(saved.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("Published: the article is live.", desk.selectFirst(".notice").text());
        String url = desk.selectFirst(".article-status a").attr("href");

        Document page = TestContent.page(url);
        assertEquals("Desk story with a picture", page.selectFirst("h1").text());
        assertEquals("A standfirst typed in the newsroom.", page.selectFirst(".standfirst").text());
        assertEquals("By Desk Reporter", page.selectFirst(".byline").text());
        Element image = page.selectFirst("figure.feature-image img");
        assertEquals("A single green pixel", image.attr("alt"));
        assertTrue(page.selectFirst("figcaption").text().contains("The smallest picture"));
        assertTrue(page.selectFirst("figcaption .credit").text().contains("ICARO Photo"));
        assertNotNull(page.selectFirst("aside.related"));
        given().get(image.attr("src")).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", org.hamcrest.Matchers.containsString("immutable"));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Response response = editor.request().multiPart("headline", "Forged desk story").multiPart("body", "Body")
                .multiPart("section", "desk").multiPart("action", "publish").post("/admin/articles");
        assertEquals(400, response.statusCode());
        assertTrue(editorial.list(null, "desk", "Forged desk story", null, 10).isEmpty());
    }

    @Test
    void badInputComesBackWithTypedValuesAndAMessageBesideEachField() {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("", "no-such-section");
        fields.put("body", "");
        fields.put("standfirst", "Typed standfirst stays");
        fields.put("tags", "Kept tag");
        fields.put("publishedAt", "yesterday at noon");
        Response response = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(400, response.statusCode());
        Document form = Jsoup.parse(response.asString());
        assertEquals("Write a headline", error(form, "headline"));
        assertEquals("Write the body", error(form, "body"));
        assertTrue(error(form, "section").contains("no-such-section"));
        assertTrue(error(form, "publishedAt").startsWith("Give a date and time"));
        assertEquals("Typed standfirst stays", form.selectFirst("#standfirst").text());
        assertEquals("Kept tag", form.selectFirst("#tags").attr("value"));
        assertEquals("yesterday at noon", form.selectFirst("#publishedAt").attr("value"));
        assertEquals("true", form.selectFirst("#headline").attr("aria-invalid"));
        assertEquals("headline-error", form.selectFirst("#headline").attr("aria-describedby"));
        assertFalse(form.select(".error-summary a[href=#headline]").isEmpty(), "the summary links to the field");
    }

    @Test
    void eachWrongFieldHasItsMessage() {
        editor.page("/admin/articles/new");
        Map<String, String> tooLong = DeskForms.article("x".repeat(201), "desk");
        assertTrue(error(rejected(tooLong), "headline").startsWith("Keep the headline within 200 characters"));

        content.publish("desk", "Desk slug owner", Instant.parse("2023-07-01T10:00:00Z"));
        Map<String, String> duplicate = DeskForms.article("Another desk story", "desk");
        duplicate.put("slug", "desk-slug-owner");
        assertEquals("Another article already has this slug", error(rejected(duplicate), "slug"));

        Map<String, String> past = DeskForms.article("Scheduled in the past", "desk");
        past.put("action", "schedule");
        past.put("publishedAt", "2020-01-01T10:00");
        assertTrue(error(rejected(past), "publishedAt").startsWith("That time has passed"));

        Map<String, String> noTime = DeskForms.article("Scheduled without time", "desk");
        noTime.put("action", "schedule");
        assertEquals("Choose when to publish", error(rejected(noTime), "publishedAt"));

        Map<String, String> noAlt = DeskForms.article("Image without alt", "desk");
        Document form = Jsoup.parse(DeskForms.post(editor, "/admin/articles", noAlt, DeskForms.PNG, "a.png").asString());
        assertEquals("Describe the image for readers who cannot see it", error(form, "imageAlt"));
        assertEquals("Choose the image again: it is saved only together with the article", error(form, "image"));

        Document notImage = Jsoup.parse(DeskForms.post(editor, "/admin/articles", DeskForms.article("Text as image", "desk"),
                "just some text, not an image".getBytes(), "photo.jpg").asString());
        assertEquals("That file is not a JPEG, PNG or WebP image", error(notImage, "image"));

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(DeskForms.PNG, 0, huge, 0, DeskForms.PNG.length);
        Document tooLarge = Jsoup.parse(DeskForms.post(editor, "/admin/articles", DeskForms.article("Huge image", "desk"),
                huge, "huge.png").asString());
        assertEquals("The image is larger than 5 MB", error(tooLarge, "image"));

        for (String headline : List.of("x".repeat(201), "Another desk story", "Scheduled in the past", "Image without alt",
                "Text as image", "Huge image")) {
            assertTrue(editorial.list(null, "desk", headline, null, 10).isEmpty(), "nothing half-saved: " + headline);
        }
    }

    @Test
    void everyWrongFieldIsMarkedAndDescribedByItsMessageBesideIt() {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("", "no-such-desk-section");
        fields.put("slug", "Not A Slug");
        fields.put("standfirst", "s".repeat(1001));
        fields.put("body", "");
        fields.put("kind", "FEATURE");
        fields.put("bylines", "!!!");
        fields.put("tags", "???");
        fields.put("imageId", "999999999");
        fields.put("imageCaption", "c".repeat(501));
        fields.put("imageCredit", "r".repeat(201));
        fields.put("source", "w".repeat(201));
        fields.put("publishedAt", "next Tuesday");
        fields.put("pinnedRelated", "no-such-desk-story");
        fields.put("disclaimerMode", "CUSTOM");
        Document form = FormAssertions.rejected(DeskForms.post(editor, "/admin/articles", fields));

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("headline", "Write a headline");
        expected.put("slug", "Use lower-case letters, digits and single hyphens");
        expected.put("standfirst", "Keep the standfirst within 1000 characters");
        expected.put("body", "Write the body");
        expected.put("section", "There is no section 'no-such-desk-section'");
        expected.put("kind", "Choose news, opinion or analysis");
        expected.put("bylines", "Bylines need letters");
        expected.put("tags", "Tags need letters or digits");
        expected.put("image", "That image is missing: upload it again");
        expected.put("imageAlt", "Describe the image for readers who cannot see it");
        expected.put("imageCaption", "Keep this within 500 characters");
        expected.put("imageCredit", "Keep this within 200 characters");
        expected.put("source", "Keep this within 200 characters");
        expected.put("publishedAt", "Give a date and time such as");
        expected.put("pinnedRelated", "No article matches 'no-such-desk-story'");
        expected.put("disclaimerText", "Write the disclaimer");
        expected.forEach((field, message) -> FormAssertions.assertFieldError(form, field, message));
        FormAssertions.assertOnlyErrors(form, expected.keySet().toArray(String[]::new));
        assertEquals("Not A Slug", form.getElementById("slug").attr("value"));
        assertEquals("w".repeat(201), form.getElementById("source").attr("value"));
        assertNull(form.selectFirst("#kind option[selected]"), "no kind is selected rather than a wrong one");
    }

    @Test
    void pinnedStoriesAreFoundByAddressSlugOrNumberAndAnUnknownOneComesBackBesideTheField() {
        ArticleView byAddress = content.publish("desk", "Desk background pinned by address", Instant.parse("2023-06-01T10:00:00Z"));
        ArticleView bySlug = content.publish("desk", "Desk background pinned by slug", Instant.parse("2023-06-02T10:00:00Z"));
        ArticleView byNumber = content.publish("desk", "Desk background pinned by number", Instant.parse("2023-06-03T10:00:00Z"));
        String slug = bySlug.url().substring(bySlug.url().lastIndexOf('/') + 1);
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("Desk story with pinned background", "desk");
        fields.put("action", "publish");
        fields.put("publishedAt", "2023-07-20T09:00");
        String typed = "http://localhost:8081" + byAddress.url() + "?from=desk\n" + slug + "\nno-such-desk-story\n" + byNumber.id();
        fields.put("pinnedRelated", typed);

        Document form = FormAssertions.rejected(DeskForms.post(editor, "/admin/articles", fields));
        FormAssertions.assertFieldError(form, "pinnedRelated", "No article matches 'no-such-desk-story'");
        FormAssertions.assertOnlyErrors(form, "pinnedRelated");
        assertEquals(typed, form.selectFirst("#pinnedRelated").wholeText().replaceFirst("^\n", ""), "the typed text is kept");
        assertTrue(editorial.list(null, "desk", "Desk story with pinned background", null, 10).isEmpty(), "nothing saved");

        fields.put("pinnedRelated", typed.replace("no-such-desk-story\n", ""));
        Response saved = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = DeskForms.idFrom(saved);
        List<String> related = TestContent.page(editorial.load(id).url()).select("aside.related li h3 a").eachAttr("href");
        assertEquals(List.of(byAddress.url(), bySlug.url(), byNumber.url()), related.subList(0, 3), "pinned first, in order");
        Document edit = editor.page("/admin/articles/" + id);
        assertEquals(byAddress.id() + "\n" + bySlug.id() + "\n" + byNumber.id(),
                edit.selectFirst("#pinnedRelated").wholeText().replaceFirst("^\n", ""), "the form shows them by number");
        // The newsroom sees the scorer's reasons that readers do not.
        List<Element> picks = edit.select(".related-picks li");
        assertEquals(related, picks.stream().map(li -> li.selectFirst("a").attr("href")).toList());
        assertTrue(picks.get(0).text().contains("Editors' pick"), picks.get(0).text());
        assertTrue(picks.get(0).text().contains(byAddress.url()), "its address, to paste: " + picks.get(0).text());

        // "Never show here" keeps a story out, pinned or not, until "Show again".
        Response excluded = editor.request().formParam("csrf-token", editor.csrfToken()).formParam("story", bySlug.id())
                .post("/admin/articles/" + id + "/related/exclude");
        assertEquals(303, excluded.statusCode(), excluded.asString());
        String live = editorial.load(id).url();
        List<String> without = TestContent.page(live).select("aside.related li h3 a").eachAttr("href");
        assertTrue(!without.contains(bySlug.url()) && without.contains(byAddress.url()), without.toString());
        Document kept = editor.page("/admin/articles/" + id + "?done=excluded");
        assertEquals(List.of(bySlug.headline() + " Show again: " + bySlug.headline()), kept.select(".related-excluded li").eachText());
        Response again = editor.request().formParam("csrf-token", editor.csrfToken()).formParam("story", bySlug.id())
                .post("/admin/articles/" + id + "/related/include");
        assertEquals(303, again.statusCode());
        assertTrue(TestContent.page(live).select("aside.related li h3 a").eachAttr("href").contains(bySlug.url()));
    }

    @Test
    void aRejectedFormStoresNoImageAndAsksForItAgain() {
        editor.page("/admin/articles/new");
        long before = images();
        for (int i = 0; i < 3; i++) {
            Map<String, String> noHeadline = DeskForms.article("", "desk");
            noHeadline.put("imageAlt", "Alt text typed before the mistake");
            Response response = DeskForms.post(editor, "/admin/articles", noHeadline, DeskForms.PNG, "photo.png");
            assertEquals(400, response.statusCode(), response.asString());
            Document form = Jsoup.parse(response.asString());
            assertEquals("Write a headline", error(form, "headline"));
            assertEquals("Choose the image again: it is saved only together with the article", error(form, "image"));
            assertEquals("", form.selectFirst("input[name=imageId]").attr("value"), "no stored image to point at");
            assertEquals("Alt text typed before the mistake", form.selectFirst("#imageAlt").attr("value"));
            assertFalse(form.select(".error-summary a[href=#image]").isEmpty(), "the summary names it");
        }
        Map<String, String> badDate = DeskForms.article("Desk story with a bad date and a picture", "desk");
        badDate.put("imageAlt", "A pixel");
        badDate.put("publishedAt", "soon");
        DeskForms.post(editor, "/admin/articles", badDate, DeskForms.PNG, "photo.png");
        assertEquals(before, images(), "no image stored for a rejected form");

        long id = publishViaDesk("Desk story whose edit is rejected");
        Map<String, String> edit = DeskForms.formValues(editor.page("/admin/articles/" + id));
        edit.put("body", "");
        edit.put("imageAlt", "A pixel");
        Response rejected = DeskForms.post(editor, "/admin/articles/" + id, edit, DeskForms.PNG, "photo.png");
        assertEquals(400, rejected.statusCode());
        assertEquals("Choose the image again: it is saved only together with the article", error(Jsoup.parse(rejected.asString()), "image"));
        assertEquals(before, images(), "nor for a rejected edit");
    }

    @Test
    void aPictureOfFourHundredMegapixelsIsRefusedBesideTheField() throws IOException {
        editor.page("/admin/articles/new");
        byte[] png = DeskForms.blankPng(20000, 20000);
        assertTrue(png.length < 200_000, "small on disk: " + png.length);
        Map<String, String> fields = DeskForms.article("Desk story with a gigantic picture", "desk");
        fields.put("imageAlt", "Nothing at all, very large");
        Response response = DeskForms.post(editor, "/admin/articles", fields, png, "huge.png");
        assertEquals(400, response.statusCode());
        assertEquals("The image is 20000 × 20000 pixels: keep it within 12000 pixels a side and 50 megapixels",
                error(Jsoup.parse(response.asString()), "image"));
        assertTrue(editorial.list(null, "desk", "gigantic picture", null, 10).isEmpty());
    }

    @Test
    void contributorsSaveTheirOwnDraftsButCannotPublishOrTouchOthers() {
        contributor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("A contributor's draft", "desk");
        Response saved = DeskForms.post(contributor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode());
        long id = DeskForms.idFrom(saved);

        Document form = contributor.page("/admin/articles/" + id);
        assertNull(form.selectFirst("button[value=publish]"), "no publish button for contributors");
        fields.put("action", "publish");
        fields.put("version", form.selectFirst("input[name=version]").attr("value"));
        assertEquals(403, DeskForms.post(contributor, "/admin/articles/" + id, fields).statusCode());

        NewsroomSession other = NewsroomSession.signIn("desk-writer2", PASSWORD);
        other.page("/admin/articles/new");
        Response hijack = DeskForms.post(other, "/admin/articles/" + id, Map.of("headline", "Hijack", "body", "x",
                "section", "desk", "version", fields.get("version"), "action", "save"));
        assertEquals(403, hijack.statusCode());

        // An editor publishes it; the contributor can no longer change it.
        Document editorForm = editor.page("/admin/articles/" + id);
        fields.put("version", editorForm.selectFirst("input[name=version]").attr("value"));
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, fields).statusCode());
        fields.put("action", "save");
        fields.put("headline", "Changed after publication");
        fields.put("version", editor.page("/admin/articles/" + id).selectFirst("input[name=version]").attr("value"));
        contributor.page("/admin/articles/new");
        assertEquals(403, DeskForms.post(contributor, "/admin/articles/" + id, fields).statusCode());
    }

    @Test
    void whatARoleDoesNotAllowAnswersANotAllowedPage() {
        Response usersPage = contributor.request().get("/admin/users");
        assertEquals(403, usersPage.statusCode());
        Document page = Jsoup.parse(usersPage.asString());
        assertEquals("Not allowed", page.selectFirst("main h1").text());
        assertNotNull(page.selectFirst("header nav"), "in the layout");

        contributor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("A contributor tries to publish", "desk");
        fields.put("action", "publish");
        Response publish = DeskForms.post(contributor, "/admin/articles", fields);
        assertEquals(403, publish.statusCode());
        assertEquals("Not allowed", Jsoup.parse(publish.asString()).selectFirst("main h1").text());
        assertTrue(editorial.list(null, "desk", "A contributor tries to publish", null, 10).isEmpty());
    }

    @Test
    void aSecondEditorsStaleSaveIsAConflictThatKeepsTheirText() {
        long id = publishViaDesk("Conflict desk story");
        NewsroomSession second = NewsroomSession.signIn("desk-editor", PASSWORD);
        Document mine = editor.page("/admin/articles/" + id);
        Document theirs = second.page("/admin/articles/" + id);

        Map<String, String> first = DeskForms.formValues(mine);
        first.put("body", "The first editor's body.");
        first.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, first).statusCode());

        Map<String, String> stale = DeskForms.formValues(theirs);
        stale.put("body", "The second editor's body, typed with care.");
        Response conflict = DeskForms.post(second, "/admin/articles/" + id, stale);
        assertEquals(409, conflict.statusCode());
        Document form = Jsoup.parse(conflict.asString());
        assertTrue(form.selectFirst(".problem").text().contains("your changes were not saved"));
        assertEquals("The second editor's body, typed with care.", form.selectFirst("#body").text());
        assertTrue(TestContent.page(editorial.load(id).url()).selectFirst(".article-body").text().contains("The first editor's body."));

        // Saving again from the conflict page, with its newer version, replaces the text deliberately.
        Map<String, String> again = DeskForms.formValues(form);
        again.put("action", "publish");
        assertEquals(303, DeskForms.post(second, "/admin/articles/" + id, again).statusCode());
        assertTrue(TestContent.page(editorial.load(id).url()).selectFirst(".article-body").text().contains("typed with care"));
    }

    @Test
    void meaningfulUpdatesAndCorrectionsShowUpdatedButTypoFixesDoNot() {
        long id = publishViaDesk("Updated desk story");
        String url = editorial.load(id).url();

        Map<String, String> typo = DeskForms.formValues(editor.page("/admin/articles/" + id));
        typo.put("body", typo.get("body") + " Fixed a typo.");
        typo.put("minor", "on");
        typo.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, typo).statusCode());
        assertNull(TestContent.page(url).selectFirst(".updated"), "a minor change is not an update");

        Map<String, String> update = DeskForms.formValues(editor.page("/admin/articles/" + id));
        update.put("body", update.get("body") + "\n\nA new paragraph with news.");
        update.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, update).statusCode());
        assertNotNull(TestContent.page(url).selectFirst(".dateline .updated"));

        editor.page("/admin/articles/" + id);
        Response corrected = editor.request().formParam("csrf-token", editor.csrfToken())
                .formParam("note", "An earlier version gave the wrong date.").post("/admin/articles/" + id + "/corrections");
        assertEquals(303, corrected.statusCode());
        Document page = TestContent.page(url);
        assertTrue(page.selectFirst("section.corrections").text().contains("An earlier version gave the wrong date."));

        Response blank = editor.request().formParam("csrf-token", editor.csrfToken()).formParam("note", " ")
                .post("/admin/articles/" + id + "/corrections");
        assertEquals(400, blank.statusCode());
        Document refused = Jsoup.parse(blank.asString());
        assertEquals("Write what was wrong and what changed", error(refused, "note"));
        assertEquals("The correction was not added (the article itself is unchanged). Please fix:",
                refused.selectFirst(".error-summary h2").text(), "the message names what failed");
    }

    @Test
    void changingSlugSectionOrDateKeepsOldAddressesAsPermanentRedirects() {
        content.section("desk-moved");
        long id = publishViaDesk("Desk story that moves");
        String first = editorial.load(id).url();

        Map<String, String> fields = DeskForms.formValues(editor.page("/admin/articles/" + id));
        fields.put("slug", "desk-story-moved-once");
        fields.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, fields).statusCode());
        String second = editorial.load(id).url();

        fields = DeskForms.formValues(editor.page("/admin/articles/" + id));
        fields.put("section", "desk-moved");
        fields.put("publishedAt", "2023-08-09T10:30");
        fields.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, fields).statusCode());
        String third = editorial.load(id).url();
        assertEquals("/desk-moved/2023/08/09/desk-story-moved-once", third);

        for (String old : List.of(first, second)) {
            given().redirects().follow(false).get(old).then().statusCode(301).header("Location", org.hamcrest.Matchers.endsWith(third));
        }
        TestContent.page(third);
    }

    @Test
    void historyRecordsEverySaveAndRestoringWritesANewRevision() {
        long id = publishViaDesk("Original desk headline");
        Map<String, String> fields = DeskForms.formValues(editor.page("/admin/articles/" + id));
        fields.put("headline", "Rewritten desk headline");
        fields.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, fields).statusCode());

        Document form = editor.page("/admin/articles/" + id);
        List<Element> entries = form.select("ol.history > li");
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).text().contains("desk-editor") && entries.get(0).text().contains("headline"), entries.get(0).text());
        assertTrue(entries.get(1).selectFirst("form button").text().startsWith("Restore this version (the revision of "),
                "each restore button names its revision: " + entries.get(1).selectFirst("form button").text());
        String restore = entries.get(1).selectFirst("form").attr("action");
        assertEquals(303, editor.request().formParam("csrf-token", editor.csrfToken()).post(restore).statusCode());

        // On a live story the restored text becomes the working copy: readers see it only once it is put live.
        Document restored = editor.page("/admin/articles/" + id);
        assertEquals("Original desk headline", restored.selectFirst("#headline").attr("value"));
        assertNotNull(restored.selectFirst(".working-copy-notice"));
        assertEquals(2, restored.select("ol.history > li").size());
        assertEquals("Rewritten desk headline", TestContent.page(editorial.load(id).url()).selectFirst("h1").text());

        Map<String, String> live = DeskForms.formValues(restored);
        live.put("action", "publish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, live).statusCode());
        Document after = editor.page("/admin/articles/" + id);
        assertEquals(3, after.select("ol.history > li").size());
        assertTrue(after.selectFirst("ol.history > li").text().contains("Updated live; edited headline"), after.selectFirst("ol.history > li").text());
        assertNull(after.selectFirst(".working-copy-notice"));
        assertEquals("Original desk headline", TestContent.page(editorial.load(id).url()).selectFirst("h1").text());
    }

    @Test
    void draftsPreviewForTheNewsroomAndThroughASignedLinkOnly() {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("Desk draft to preview", "desk");
        fields.put("action", "preview");
        Response saved = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode());
        String previewPath = saved.header("Location").replaceFirst("^https?://[^/]+", "");
        Document preview = editor.page(previewPath);
        assertEquals("Desk draft to preview", preview.selectFirst("h1").text());
        assertTrue(preview.selectFirst(".preview-bar").text().contains("Draft: readers cannot see it."));
        assertEquals("Publish now", preview.selectFirst(".preview-bar form button").text());
        assertEquals("noindex, nofollow", preview.selectFirst("meta[name=robots]").attr("content"));
        given().redirects().follow(false).get(previewPath).then().statusCode(302);

        long id = Long.parseLong(previewPath.replaceAll("\\D+", " ").trim().split(" ")[0]);
        String shared = editor.page("/admin/articles/" + id).selectFirst("#share-heading + p + p a").attr("href")
                .replaceFirst("^https?://[^/]+", "");
        Document outside = TestContent.page(shared);
        assertEquals("Desk draft to preview", outside.selectFirst("h1").text());
        assertNotNull(outside.selectFirst(".preview-banner"));
        given().get(shared.replaceAll("sig=[^&]+", "sig=forged")).then().statusCode(404);
        given().get(shared.replaceAll("expires=\\d+", "expires=1000")).then().statusCode(404);
        given().get(shared.replace("/preview/" + id, "/preview/" + (id + 1))).then().statusCode(404);
    }

    @Test
    void thePreviewChecksWhoMayOpenItWithoutReadingTheArticlesHistory() {
        contributor.page("/admin/articles/new");
        Response saved = DeskForms.post(contributor, "/admin/articles", DeskForms.article("Desk draft previewed cheaply", "desk"));
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = DeskForms.idFrom(saved);
        String preview = "/admin/articles/" + id + "/preview";
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long revisionsRead = statistics.getEntityStatistics(Revision.class.getName()).getLoadCount();

        assertEquals("Desk draft previewed cheaply", contributor.page(preview).selectFirst("h1").text());
        assertEquals("Desk draft previewed cheaply", editor.page(preview).selectFirst("h1").text());
        NewsroomSession otherWriter = NewsroomSession.signIn("desk-writer2", PASSWORD);
        assertEquals(403, otherWriter.request().get(preview).statusCode(), "not another contributor's");
        assertEquals(404, contributor.request().get("/admin/articles/999999999/preview").statusCode());

        assertEquals(revisionsRead, statistics.getEntityStatistics(Revision.class.getName()).getLoadCount(),
                "no revision read to preview");
    }

    @Test
    void scheduledArticlesAppearWhenTheSchedulerRunsAndMissedOnesAfterARestart() {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("Desk story for later", "desk");
        fields.put("action", "schedule");
        fields.put("publishedAt", LocalDateTime.now(ROME).plusHours(3).truncatedTo(ChronoUnit.MINUTES).toString());
        Response saved = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        long id = DeskForms.idFrom(saved);
        var article = editorial.load(id);
        assertEquals("SCHEDULED", article.status().name());
        given().redirects().follow(false).get(article.url()).then().statusCode(404);

        editorial.publishDue();
        assertEquals("SCHEDULED", editorial.load(id).status().name(), "not before its time");

        // The site was down when the time came: the time is now past, and the next run publishes it.
        Instant past = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> articleRepository.findById(id).publishedAt = past);
        assertTrue(editorial.publishDue() >= 1);
        var published = editorial.load(id);
        assertEquals("PUBLISHED", published.status().name());
        assertEquals("Published on schedule", published.revisions().get(0).summary());
        TestContent.page(published.url());
    }

    @Test
    void unpublishingTakesTheArticleOffTheSite() {
        long id = publishViaDesk("Desk story to unpublish");
        String url = editorial.load(id).url();
        TestContent.page(url);
        Map<String, String> fields = DeskForms.formValues(editor.page("/admin/articles/" + id));
        fields.put("action", "unpublish");
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, fields).statusCode());
        given().redirects().follow(false).get(url).then().statusCode(404);
        assertFalse(TestContent.page("/desk").text().contains("Desk story to unpublish"));
    }

    @Test
    void theListFiltersByStatusSectionAndHeadline() {
        publishViaDesk("Findable desk story about glaciers");
        Document list = editor.page("/admin/articles?q=glaciers&status=published&section=desk");
        List<String> headlines = list.select(".desk-table tbody td.desk-headline > a:first-child").eachText();
        assertTrue(headlines.contains("Findable desk story about glaciers"), headlines.toString());
        assertTrue(headlines.stream().allMatch(h -> h.toLowerCase().contains("glaciers")), headlines.toString());
        Document drafts = editor.page("/admin/articles?q=glaciers&status=draft&section=desk");
        assertFalse(drafts.text().contains("Findable desk story about glaciers"));
    }

    @Test
    void newsroomPagesAreNeverCached() {
        editor.request().get("/admin/articles").then().statusCode(200).header("Cache-Control", "no-store");
    }

    private long publishViaDesk(String headline) {
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article(headline, "desk");
        fields.put("action", "publish");
        fields.put("publishedAt", "2023-07-15T09:00");
        Response saved = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        return DeskForms.idFrom(saved);
    }

    private long images() {
        return QuarkusTransaction.requiringNew().call(imageRepository::count);
    }

    @Test
    void datesOutsideTheYears1900To2099AndTooManyTagsAreRefusedBesideTheirFields() {
        editor.page("/admin/articles/new");
        Map<String, String> ancient = DeskForms.article("Desk story from year one", "desk");
        ancient.put("publishedAt", "0001-01-01T00:00");
        assertEquals("Give a date in the years 1900 to 2099", error(rejected(ancient), "publishedAt"));

        Map<String, String> far = DeskForms.article("Desk story for 2100", "desk");
        far.put("action", "schedule");
        far.put("publishedAt", "2100-06-01T00:00");
        assertEquals("Give a date in the years 1900 to 2099", error(rejected(far), "publishedAt"));

        Map<String, String> tagged = DeskForms.article("Desk story with 31 tags", "desk");
        tagged.put("tags", String.join(", ", java.util.stream.IntStream.range(0, 31).mapToObj(i -> "Desk tag " + i).toList()));
        assertEquals("Use at most 30 tags (there are 31)", error(rejected(tagged), "tags"));

        for (String headline : List.of("Desk story from year one", "Desk story for 2100", "Desk story with 31 tags")) {
            assertTrue(editorial.list(null, "desk", headline, null, 10).isEmpty(), "nothing saved: " + headline);
        }
    }

    @Test
    void theListFiltersIgnoreControlCharacters() {
        content.publish("desk", "Desk filter story", Instant.parse("2023-07-02T10:00:00Z"));
        List<String> plain = listed("desk", "filter story");
        assertTrue(plain.contains("Desk filter story"), plain.toString());
        assertEquals(plain, listed("desk\u0000", "filter\u000Bstory\u0000"));
        assertEquals(plain, listed("\u000Bdesk", "fil\u0000ter story"));
    }

    private List<String> listed(String section, String q) {
        String html = editor.request().queryParam("section", section).queryParam("q", q).get("/admin/articles")
                .then().statusCode(200).extract().asString();
        return Jsoup.parse(html).select(".desk-table td > a:first-child").eachText();
    }

    private Document rejected(Map<String, String> fields) {
        Response response = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(400, response.statusCode(), fields.get("headline"));
        return Jsoup.parse(response.asString());
    }

    private static String error(Document form, String field) {
        Element message = form.selectFirst("#" + field + "-error");
        assertNotNull(message, "no message beside " + field);
        return message.ownText();
    }
}
