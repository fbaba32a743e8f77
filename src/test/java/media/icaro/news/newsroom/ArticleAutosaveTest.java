package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.EditorialService;

/**
 * The article form's autosave, as the newsroom's script uses it: kept per user and article, never a
 * save of the article, offered back when the form opens again (in a new session too), discarded or
 * dropped by a real save; and the script's other endpoint, the live preview's rendering.
 */
@QuarkusTest
class ArticleAutosaveTest {

    static final String PASSWORD = "autosave-test-password-1";
    static final String SECTION = "autosave-desk";
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    NewsroomSession editor;
    NewsroomSession contributor;

    @BeforeEach
    void users() {
        content.section(SECTION);
        for (var user : List.of(List.of("auto-editor", "EDITOR"), List.of("auto-editor2", "EDITOR"), List.of("auto-writer", "CONTRIBUTOR"))) {
            if (accounts.find(user.get(0)).isEmpty()) {
                accounts.create(user.get(0), "Auto " + user.get(0), Account.Role.valueOf(user.get(1)), PASSWORD);
            }
        }
        editor = NewsroomSession.signIn("auto-editor", PASSWORD);
        contributor = NewsroomSession.signIn("auto-writer", PASSWORD);
    }

    /** Creates an article through the form, as this session's user, and returns its id. */
    static long create(NewsroomSession session, String headline, String action) {
        session.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article(headline, SECTION);
        fields.put("publishedAt", "2024-02-12T10:15");
        fields.put("action", action);
        Response saved = DeskForms.post(session, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        return DeskForms.idFrom(saved);
    }

    /** Posts the form as loaded on {@code path}, with these fields changed, to the autosave address. */
    static Response autosave(NewsroomSession session, String path, String key, Map<String, String> changes) {
        Map<String, String> fields = DeskForms.formValues(session.page(path));
        fields.remove("action");
        fields.putAll(changes);
        return DeskForms.post(session, "/admin/articles/" + key + "/autosave", fields);
    }

    static Document page(NewsroomSession session, long id) {
        return session.page("/admin/articles/" + id);
    }

    @Test
    void anAutosaveIsKeptAndChangesNeitherTheArticleNorItsPageNorItsHistory() {
        long id = create(editor, "Autosave leaves the live story alone", "publish");
        EditorialService.EditableArticle before = editorial.load(id);
        String url = before.url();
        String livePage = TestContent.page(url).selectFirst("main").outerHtml();

        Response saved = autosave(editor, "/admin/articles/" + id, String.valueOf(id),
                Map.of("headline", "Typed but not saved", "body", "A body typed and never saved."));
        assertEquals(200, saved.statusCode(), saved.asString());
        assertTrue(saved.contentType().startsWith("application/json"), saved.contentType());
        String time = saved.jsonPath().getString("time");
        assertTrue(time.matches("\\d\\d:\\d\\d"), time);
        assertTrue(Instant.parse(saved.jsonPath().getString("savedAt")).isAfter(Instant.now().minusSeconds(60)));

        EditorialService.EditableArticle after = editorial.load(id);
        assertEquals(before.version(), after.version(), "the article is not saved");
        assertEquals("Autosave leaves the live story alone", after.input().headline());
        assertEquals(before.input().body(), after.input().body());
        assertEquals(before.revisions().size(), after.revisions().size(), "no revision");
        assertEquals(before.modifiedAt(), after.modifiedAt());
        assertEquals(livePage, TestContent.page(url).selectFirst("main").outerHtml(), "the live page is unchanged");
    }

    @Test
    void aNewSessionOfTheSameUserFindsTheTypingRestoredWithANotice() {
        long id = create(editor, "Autosave comes back", "save");
        long version = editorial.load(id).version();
        autosave(editor, "/admin/articles/" + id, String.valueOf(id),
                Map.of("headline", "Autosave comes back, retyped", "body", "Typed in the first session.")).then().statusCode(200);

        NewsroomSession later = NewsroomSession.signIn("auto-editor", PASSWORD);
        Document form = page(later, id);
        assertEquals("Autosave comes back, retyped", form.selectFirst("#headline").attr("value"));
        assertEquals("Typed in the first session.", form.selectFirst("#body").wholeText().strip());
        assertEquals(String.valueOf(version), form.selectFirst("input[name=version]").attr("value"));
        Element notice = form.selectFirst(".autosave-restored");
        assertNotNull(notice, "the notice");
        String time = notice.selectFirst("time").text();
        assertEquals("Your unsaved changes from " + time + " are restored below. Save to keep them, or discard them.",
                notice.selectFirst("p").text());
        assertTrue(time.matches("\\d\\d:\\d\\d"), time);
        assertNotNull(notice.selectFirst("form[action=/admin/articles/" + id + "/autosave/discard] input[name=csrf-token]"));
        assertEquals("Discard them", notice.selectFirst("button").text());
        assertEquals(1, form.select(".autosave-restored p").size(), "nobody saved it since");

        // Another user sees the article as saved.
        Document other = page(NewsroomSession.signIn("auto-editor2", PASSWORD), id);
        assertEquals("Autosave comes back", other.selectFirst("#headline").attr("value"));
        assertNull(other.selectFirst(".autosave-restored"));
    }

    @Test
    void discardDropsTheAutosaveAndTheFormShowsTheSavedText() {
        long id = create(editor, "Autosave to discard", "save");
        autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("headline", "Discard me")).then().statusCode(200);
        page(editor, id);

        Response discarded = editor.request().formParam("csrf-token", editor.csrfToken())
                .post("/admin/articles/" + id + "/autosave/discard");
        FormAssertions.seeOther(discarded, "/admin/articles/" + id + "?done=autosave-discarded");
        Document form = editor.page("/admin/articles/" + id + "?done=autosave-discarded");
        assertEquals("Autosave to discard", form.selectFirst("#headline").attr("value"));
        assertNull(form.selectFirst(".autosave-restored"));
        assertEquals("Your unsaved changes were discarded: the form shows the article as saved.", form.selectFirst(".notice").text());

        // Without the token, nothing is discarded.
        autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("headline", "Kept")).then().statusCode(200);
        assertEquals(400, editor.request().post("/admin/articles/" + id + "/autosave/discard").statusCode());
        assertNotNull(page(editor, id).selectFirst(".autosave-restored"));
    }

    @Test
    void aRealSaveOfTheFormDropsTheAutosave() {
        long id = create(editor, "Autosave then save", "save");
        autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("body", "Typed, then saved for real."))
                .then().statusCode(200);
        Document restored = page(editor, id);
        assertNotNull(restored.selectFirst(".autosave-restored"));

        Map<String, String> fields = DeskForms.formValues(restored);
        fields.put("action", "save");
        FormAssertions.seeOther(DeskForms.post(editor, "/admin/articles/" + id, fields), "/admin/articles/" + id + "?done=saved");
        Document saved = page(editor, id);
        assertNull(saved.selectFirst(".autosave-restored"), "nothing left to restore");
        assertEquals("Typed, then saved for real.", saved.selectFirst("#body").wholeText().strip());

        // An autosave still on its way from the page before that save is refused, not kept.
        Map<String, String> stale = DeskForms.formValues(restored);
        stale.remove("action");
        stale.put("body", "Sent just before the save, arriving after it.");
        Response late = DeskForms.post(editor, "/admin/articles/" + id + "/autosave", stale);
        assertEquals(409, late.statusCode(), late.asString());
        assertTrue(late.jsonPath().getString("errors[0].message").startsWith("You saved this article after this page was opened"));
        assertNull(page(editor, id).selectFirst(".autosave-restored"));
    }

    @Test
    void aNewArticleIsAutosavedAsNewAndCreatingItDropsThat() {
        NewsroomSession writer = NewsroomSession.signIn("auto-editor2", PASSWORD);
        assertEquals(303, writer.request().get("/admin").statusCode(), "no unsaved work: the article list");
        autosave(writer, "/admin/articles/new", "new", Map.of("headline", "A new story, autosaved", "body", "Its first words."))
                .then().statusCode(200);

        NewsroomSession later = NewsroomSession.signIn("auto-editor2", PASSWORD);
        Document home = later.page("/admin");
        Element link = home.selectFirst("ul.unsaved-work a");
        assertEquals("/admin/articles/new", link.attr("href"));
        assertEquals("Unsaved changes to A new story, autosaved, " + link.selectFirst("time").text(), link.text());
        Document form = later.page(link.attr("href"));
        assertEquals("A new story, autosaved", form.selectFirst("#headline").attr("value"));
        assertEquals("Its first words.", form.selectFirst("#body").wholeText().strip());
        assertNotNull(form.selectFirst(".autosave-restored form[action=/admin/articles/new/autosave/discard]"));

        Map<String, String> fields = DeskForms.formValues(form);
        fields.put("section", SECTION);
        Response created = DeskForms.post(later, "/admin/articles", fields);
        assertEquals(303, created.statusCode(), created.asString());
        assertNull(later.page("/admin/articles/new").selectFirst(".autosave-restored"), "the new form is blank again");
        assertEquals(303, later.request().get("/admin").statusCode(), "no unsaved work left");
    }

    @Test
    void theHomeListsUnsavedWorkWithLinks() {
        long id = create(editor, "Autosave listed at home", "save");
        autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("headline", "Autosave listed at home, edited"))
                .then().statusCode(200);
        Document home = editor.page("/admin");
        assertEquals("Newsroom", home.selectFirst("h1").text());
        Element link = home.selectFirst("ul.unsaved-work a[href=/admin/articles/" + id + "]");
        assertNotNull(link, home.select("ul.unsaved-work").outerHtml());
        String time = link.selectFirst("time").text();
        assertTrue(time.matches("\\d\\d:\\d\\d"), time);
        assertEquals("Unsaved changes to Autosave listed at home, edited, " + time, link.text());
        assertEquals(LocalDate.now(ROME), Instant.parse(link.selectFirst("time").attr("datetime")).atZone(ROME).toLocalDate());
    }

    @Test
    void whenSomeoneElseSavedSinceTheNoticeSaysSoAndSavingIsTheUsualConflict() {
        long id = create(editor, "Autosave against a later save", "save");
        long version = editorial.load(id).version();
        autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("body", "My typing, autosaved.")).then().statusCode(200);

        NewsroomSession colleague = NewsroomSession.signIn("auto-editor2", PASSWORD);
        Map<String, String> theirs = DeskForms.formValues(page(colleague, id));
        theirs.put("body", "The colleague's saved text.");
        DeskForms.post(colleague, "/admin/articles/" + id, theirs).then().statusCode(303);

        Document form = page(editor, id);
        assertEquals("My typing, autosaved.", form.selectFirst("#body").wholeText().strip());
        assertEquals(String.valueOf(version), form.selectFirst("input[name=version]").attr("value"), "the version typed on");
        String since = form.select(".autosave-restored p").get(1).text();
        assertTrue(since.startsWith("auto-editor2 saved the article at "), since);
        assertTrue(since.endsWith("after these changes began: saving yours asks you before it replaces theirs."), since);

        Map<String, String> mine = DeskForms.formValues(form);
        Response conflict = DeskForms.post(editor, "/admin/articles/" + id, mine);
        assertEquals(409, conflict.statusCode());
        assertEquals("The colleague's saved text.", editorial.load(id).input().body());
    }

    @Test
    void contributorsAutosaveOnlyTheirOwnArticlesAndEveryPostNeedsTheToken() {
        ArticleView others = content.draft(SECTION, "Autosave: not the contributor's", Instant.parse("2024-02-01T10:00:00Z"), List.of());
        contributor.page("/admin/articles/new");
        Map<String, String> fields = Map.of("headline", "Not mine", "body", "x", "version", "1");
        Response refused = DeskForms.post(contributor, "/admin/articles/" + others.id() + "/autosave", new HashMap<>(fields));
        assertEquals(403, refused.statusCode());
        assertEquals(303, NewsroomSession.signIn("auto-writer", PASSWORD).request().get("/admin").statusCode(), "nothing kept");

        long own = create(contributor, "Autosave: the contributor's own", "save");
        autosave(contributor, "/admin/articles/" + own, String.valueOf(own), Map.of("headline", "Mine, retyped"))
                .then().statusCode(200);

        // Without the CSRF token: refused, nothing kept.
        Response noToken = contributor.request().multiPart("headline", "Forged").multiPart("body", "Forged")
                .post("/admin/articles/" + own + "/autosave");
        assertEquals(400, noToken.statusCode());
        assertEquals("Mine, retyped", page(contributor, own).selectFirst("#headline").attr("value"));
        Response wrongToken = contributor.request().multiPart("csrf-token", "not-the-token").multiPart("headline", "Forged")
                .post("/admin/articles/" + own + "/autosave");
        assertEquals(400, wrongToken.statusCode());
        assertEquals(400, contributor.request().multiPart("body", "# x").post("/admin/articles/render").statusCode());

        // Signed out: sent to sign in.
        FormAssertions.assertSentToSignIn(given().redirects().follow(false).multiPart("headline", "x")
                .post("/admin/articles/" + own + "/autosave"));
        FormAssertions.assertSentToSignIn(given().redirects().follow(false).multiPart("body", "x").post("/admin/articles/render"));
    }

    @Test
    void anAutosaveLargerThanTheFormAllowsIsRefusedWithJson() {
        long id = create(editor, "Autosave too large", "save");
        Response tooLarge = autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("body", "a".repeat(1_100_000)));
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.contentType().startsWith("application/json"), tooLarge.headers() + " " + tooLarge.asString());
        assertTrue(tooLarge.jsonPath().getString("errors[0].message").startsWith("This is more text than the article form accepts"));
        assertNull(page(editor, id).selectFirst(".autosave-restored"), "nothing kept");

        // The largest body an article can have is autosaved, and saved by the form (Quarkus's default refused any
        // field over 2 KB with a bare 413).
        autosave(editor, "/admin/articles/" + id, String.valueOf(id), Map.of("body", "é".repeat(200_000))).then().statusCode(200);
        Map<String, String> longBody = DeskForms.formValues(page(editor, id));
        longBody.put("body", "Word ".repeat(39_999) + "Words");
        FormAssertions.seeOther(DeskForms.post(editor, "/admin/articles/" + id, longBody), "/admin/articles/" + id + "?done=saved");
        assertEquals(200_000, editorial.load(id).input().body().length());

        editor.page("/admin/articles/new");
        Response renderTooLarge = editor.request().multiPart("csrf-token", editor.csrfToken()).multiPart("body", "a".repeat(1_100_000))
                .post("/admin/articles/render");
        assertEquals(413, renderTooLarge.statusCode());
        assertTrue(renderTooLarge.contentType().startsWith("application/json"), renderTooLarge.contentType());
    }

    @Test
    void signingInAgainAfterTheSessionEndedReturnsToTheAutosavedForm() {
        long id = create(editor, "Autosave across a sign-in", "save");
        NewsroomSession session = NewsroomSession.signIn("auto-editor", PASSWORD);
        autosave(session, "/admin/articles/" + id, String.valueOf(id), Map.of("body", "Typed before the session ended."))
                .then().statusCode(200);
        Map<String, String> cookies = new HashMap<>(session.cookies());
        Map<String, String> form = DeskForms.formValues(page(session, id));
        form.remove("action");
        session.request().formParam("csrf-token", session.csrfToken()).post("/logout").then().statusCode(303);

        // The script's next autosave: sent to sign in, and Quarkus remembers where from.
        var request = given().redirects().follow(false).cookies(cookies).multiPart("csrf-token", session.csrfToken());
        form.forEach(request::multiPart);
        Response refused = request.post("/admin/articles/" + id + "/autosave");
        FormAssertions.assertSentToSignIn(refused);
        String returnTo = refused.getCookie("quarkus-redirect-location");
        assertNotNull(returnTo, "where to return after signing in");

        Response login = given().get("/login");
        String token = Jsoup.parse(login.asString()).selectFirst("input[name=csrf-token]").attr("value");
        Map<String, String> jar = new HashMap<>(login.getCookies());
        jar.put("quarkus-redirect-location", returnTo);
        Response signedIn = given().redirects().follow(false).cookies(jar).formParam("csrf-token", token)
                .formParam("j_username", "auto-editor").formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.header("Location").endsWith("/admin/articles/" + id + "/autosave"), signedIn.header("Location"));

        jar.putAll(signedIn.getCookies());
        jar.values().removeIf(String::isEmpty); // the cookies signing in expires, as a browser drops them
        Response back = given().redirects().follow(false).cookies(jar).get("/admin/articles/" + id + "/autosave");
        FormAssertions.seeOther(back, "/admin/articles/" + id);
        Document restored = Jsoup.parse(given().redirects().follow(false).cookies(jar).get("/admin/articles/" + id).asString());
        assertEquals("Typed before the session ended.", restored.selectFirst("#body").wholeText().strip());
        assertNotNull(restored.selectFirst(".autosave-restored"));
    }

    @Test
    void theScriptGetsAFreshTokenAfterSigningInAgain() {
        NewsroomSession session = NewsroomSession.signIn("auto-editor", PASSWORD);
        session.page("/admin/articles/new");
        Response token = session.request().get("/admin/articles/form-token");
        assertEquals(200, token.statusCode());
        assertEquals(session.csrfToken(), token.jsonPath().getString("token"));
        FormAssertions.assertSentToSignIn(given().redirects().follow(false).get("/admin/articles/form-token"));
    }

    @Test
    void thePreviewIsTheBodyAsThePublicPageRendersItSanitised() {
        String markdown = """
                ## A subheading

                Text with *emphasis*, a [safe link](https://example.com/) and a [bad one](javascript:alert(1)).

                <script>alert('x')</script><img src="x" onerror="alert(2)">

                > A quotation.
                """;
        editor.page("/admin/articles/new");
        Response rendered = editor.request().multiPart("csrf-token", editor.csrfToken()).multiPart("body", markdown)
                .post("/admin/articles/render");
        assertEquals(200, rendered.statusCode(), rendered.asString());
        assertTrue(rendered.contentType().startsWith("application/json"));
        String html = rendered.jsonPath().getString("html");
        Element preview = Jsoup.parseBodyFragment(html).body();
        assertEquals("A subheading", preview.selectFirst("h2").text());
        assertTrue(preview.select("script").isEmpty(), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("onerror"), html);
        assertEquals("https://example.com/", preview.selectFirst("a").attr("href"));

        ArticleView live = content.create(TestContent.story(SECTION, "Autosave preview matches the page",
                Instant.parse("2024-02-03T09:00:00Z")).body(markdown).build(), EditorialService.Action.PUBLISH);
        Element publicBody = TestContent.page(live.url()).selectFirst(".article-body");
        assertEquals(publicBody.html(), Jsoup.parseBodyFragment(html).body().html(), "the same HTML as the public page");
    }

    @Test
    void theFormShowsItsCountsAndCarriesTheScriptWhichIsServedCachedForAYear() {
        long id = create(editor, "Autosave counts: a headline that runs on well past the length at which search results cut it", "save");
        Document form = page(editor, id);
        assertEquals("92 characters: search results may cut a headline after about 70", form.selectFirst("#headline-count").text());
        assertEquals("22 words", form.selectFirst("#body-count").text(), "\"First paragraph of <the headline>. Second paragraph.\"");
        assertEquals("Preview of the body", form.getElementById(form.selectFirst("#body-preview").attr("aria-labelledby")).text());
        assertTrue(form.selectFirst("#body-preview-panel").hasAttr("hidden"), "no preview without the script");
        assertEquals("/admin/articles/" + id + "/autosave", form.selectFirst("#autosave").attr("data-address"));

        List<Element> scripts = form.select("script");
        assertEquals(1, scripts.size());
        String src = scripts.get(0).attr("src");
        assertTrue(src.matches("/static/newsroom\\.[0-9a-z]{12}\\.js"), src);
        assertTrue(scripts.get(0).hasAttr("defer"));
        assertTrue(form.select("[onclick], [onload], [onsubmit], [oninput], [onchange]").isEmpty(), "no inline handlers");
        given().get(src).then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void theNewsroomAllowsItsOwnScriptAndPublicPagesAllowNone() {
        String newsroom = editor.request().get("/admin/articles/new").header("Content-Security-Policy");
        assertTrue(newsroom.contains("script-src 'self';"), newsroom);
        assertFalse(newsroom.contains("unsafe-inline"), newsroom);
        assertFalse(newsroom.contains("unsafe-eval"), newsroom);
        assertFalse(newsroom.contains("script-src 'none'"), newsroom);
        assertTrue(newsroom.contains("frame-ancestors 'none'"), newsroom);
        assertEquals(1, editor.request().get("/admin/articles/new").headers().getValues("Content-Security-Policy").size());

        ArticleView story = content.publish(SECTION, "Autosave: a public page", Instant.parse("2024-02-02T08:00:00Z"));
        for (String path : List.of("/", story.url(), "/login")) {
            Response response = given().redirects().follow(false).get(path);
            assertEquals(List.of("script-src 'none'"), response.headers().getValues("Content-Security-Policy").stream()
                    .map(policy -> policy.replaceAll(".*(script-src [^;]*).*", "$1")).toList(), path);
            Document page = Jsoup.parse(response.asString());
            assertTrue(page.select("script[src]").isEmpty(), path + " loads no script");
            assertTrue(page.select("script").stream().allMatch(s -> s.attr("type").equals("application/ld+json")),
                    path + ": only structured data");
            assertFalse(response.asString().contains("newsroom."), path);
        }
    }
}
