package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;

/** A revision opened from the article's History: read-only, marked with what changed since, and restorable. */
@QuarkusTest
class RevisionPageTest {

    @Inject
    DeskAccounts accounts;

    @Inject
    TestContent content;

    String editorName;
    NewsroomSession editor;
    NewsroomSession contributor;

    @BeforeEach
    void users() {
        content.section("revisions");
        content.section("revisions-other");
        editorName = accounts.create("rev-editor", Account.Role.EDITOR);
        editor = NewsroomSession.signIn(editorName, DeskAccounts.PASSWORD);
        contributor = NewsroomSession.signIn(accounts.create("rev-writer", Account.Role.CONTRIBUTOR), DeskAccounts.PASSWORD);
    }

    @Test
    void theFirstRevisionShowsTheOneWordChangedSinceAndNothingElse() {
        long id = create(editor, "Summit revision story", "The summit began in Pyongyang on Tuesday.\n\nThe second paragraph stays.");
        edit(editor, id, Map.of("body", "The summit opened in Pyongyang on Tuesday.\n\nThe second paragraph stays."));

        Document form = editor.page("/admin/articles/" + id);
        Elements entries = form.select("ol.history > li");
        assertEquals(2, entries.size());
        assertEquals("Changed: Body", entries.get(0).selectFirst(".history-fields").text(), "the newest says which field it changed");
        assertNull(entries.get(1).selectFirst(".history-fields"), "the first revision changed nothing before it");
        Element show = entries.get(1).selectFirst("a.history-show");
        assertTrue(show.text().startsWith("Show the revision of "), show.text());
        assertTrue(show.text().endsWith(" by " + editorName), show.text());
        assertEquals("Show", show.ownText());

        Document revision = editor.page(show.attr("href"));
        assertTrue(revision.selectFirst("h1").text().matches("Revision of \\d\\d/\\d\\d/\\d{4} \\d\\dh\\d\\d by " + editorName),
                revision.selectFirst("h1").text());
        assertNotNull(revision.selectFirst("h1 time[datetime]"));
        assertEquals("/admin/articles/" + id, revision.selectFirst("main a[href=\"/admin/articles/" + id + "\"]").attr("href"),
                "a link back to the article's form");
        assertTrue(revision.selectFirst(".revision-summary").text().startsWith("Created"));
        assertNull(revision.selectFirst("main .notice"), "it differs from the current text");

        Element body = section(revision, "Body");
        Elements removed = body.select(".diff del");
        Elements added = body.select(".diff ins");
        assertEquals(1, removed.size(), body.html());
        assertEquals(1, added.size(), body.html());
        assertEquals("began", removed.first().ownText());
        assertEquals("removed:", removed.first().selectFirst(".visually-hidden").text());
        assertEquals("opened", added.first().ownText());
        assertEquals("added:", added.first().selectFirst(".visually-hidden").text());
        Elements paragraphs = body.select(".diff > p");
        assertEquals(2, paragraphs.size());
        assertEquals("The summit  in Pyongyang on Tuesday.", ownTextOf(paragraphs.get(0)), "the rest is as it was");
        assertEquals("The second paragraph stays.", paragraphs.get(1).text());
        assertTrue(section(revision, "Headline").selectFirst("h2").text().contains("(unchanged)"));
        assertEquals("Summit revision story", section(revision, "Headline").selectFirst(".diff").text());
        assertNull(revision.selectFirst(".revision-fields"), "no other field differs");

        Element restore = revision.selectFirst("form.restore-revision");
        assertEquals("/admin/articles/" + id + "/revisions/" + show.attr("href").replaceAll(".*/", "") + "/restore",
                restore.attr("action"));
        assertNotNull(restore.selectFirst("input[name=csrf-token]"));

        Document newest = editor.page(entries.get(0).selectFirst("a.history-show").attr("href"));
        assertEquals("No differences from the current text.", newest.selectFirst("main .notice").text());
        assertNull(newest.selectFirst("form.restore-revision"), "the newest revision is the article now: nothing to restore");
        assertTrue(newest.select(".diff del, .diff ins").isEmpty());
    }

    @Test
    void otherFieldsThatDifferShowInATableOfOldAndNew() {
        long id = create(editor, "Section revision story", "A body that stays.");
        edit(editor, id, Map.of("section", "revisions-other", "tags", "Diplomacy, Summits", "kind", "ANALYSIS"));

        Document form = editor.page("/admin/articles/" + id);
        assertEquals("Changed: Section, Kind, Tags", form.selectFirst("ol.history > li .history-fields").text());
        Document revision = editor.page(form.select("ol.history > li").last().selectFirst("a.history-show").attr("href"));
        Elements rows = revision.select(".revision-fields tbody tr");
        assertEquals(List.of("Section|Test revisions|Test revisions-other", "Kind|News|Analysis",
                "Tags|Desk testing|Diplomacy, Summits"),
                rows.stream().map(r -> r.select("th, td").eachText()).map(cells -> String.join("|", cells)).toList());
        assertEquals(List.of("Field", "This revision", "Now"), revision.select(".revision-fields thead th").eachText());
        assertTrue(revision.select(".diff del, .diff ins").isEmpty(), "the texts did not change");
        assertNull(revision.selectFirst("main .notice"));
    }

    @Test
    void anotherArticlesRevisionIsNotFound() {
        long mine = create(editor, "Revision owner story", "Body one.");
        long other = create(editor, "Revision neighbour story", "Body two.");
        String otherRevision = editor.page("/admin/articles/" + other).selectFirst("ol.history a.history-show").attr("href")
                .replaceAll(".*/", "");
        assertEquals(404, editor.request().get("/admin/articles/" + mine + "/revisions/" + otherRevision).statusCode());
        assertEquals(404, editor.request().get("/admin/articles/" + mine + "/revisions/999999999").statusCode());
        assertEquals(404, editor.request().get("/admin/articles/999999999/revisions/" + otherRevision).statusCode());
        assertEquals(200, editor.request().get("/admin/articles/" + other + "/revisions/" + otherRevision).statusCode());
    }

    @Test
    void contributorsOpenOnlyTheRevisionsOfTheirOwnArticles() {
        long editors = create(editor, "Editor's revision story", "Editor's body.");
        String revision = "/admin/articles/" + editors + "/revisions/"
                + editor.page("/admin/articles/" + editors).selectFirst("ol.history a.history-show").attr("href").replaceAll(".*/", "");
        assertEquals(403, contributor.request().get(revision).statusCode());

        long own = create(contributor, "Contributor's revision story", "Contributor's body.");
        edit(contributor, own, Map.of("standfirst", "A standfirst added later."));
        Document form = contributor.page("/admin/articles/" + own);
        Document first = contributor.page(form.select("ol.history a.history-show").last().attr("href"));
        Element standfirst = section(first, "Standfirst");
        assertEquals("A standfirst added later.", standfirst.selectFirst(".diff ins").ownText());

        Response signedOut = given().redirects().follow(false).get(revision);
        FormAssertions.assertSentToSignIn(signedOut);
    }

    @Test
    void restoringFromTheRevisionPageWritesANewRevision() {
        long id = create(editor, "Restorable revision story", "The original wording.");
        edit(editor, id, Map.of("headline", "Rewritten revision story", "body", "The new wording."));
        Document form = editor.page("/admin/articles/" + id);
        Document revision = editor.page(form.select("ol.history > li").last().selectFirst("a.history-show").attr("href"));
        Element headline = section(revision, "Headline");
        assertEquals("Restorable", headline.selectFirst("del").ownText());
        assertEquals("Rewritten", headline.selectFirst("ins").ownText());

        Element restore = revision.selectFirst("form.restore-revision");
        Response restored = editor.request().formParam("csrf-token", restore.selectFirst("input[name=csrf-token]").attr("value"))
                .post(restore.attr("action"));
        FormAssertions.seeOther(restored, "/admin/articles/" + id + "?done=restored");

        Document after = editor.page("/admin/articles/" + id);
        assertEquals("Restorable revision story", after.selectFirst("#headline").attr("value"));
        assertEquals("The original wording.", after.selectFirst("#body").text());
        Elements entries = after.select("ol.history > li");
        assertEquals(3, entries.size());
        assertTrue(entries.first().text().contains("Restored"), entries.first().text());
        Document first = editor.page(entries.last().selectFirst("a.history-show").attr("href"));
        assertEquals("No differences from the current text.", first.selectFirst("main .notice").text(),
                "the first revision is the article now");
        assertEquals(400, editor.request().post(restore.attr("action")).statusCode(), "a restore without the CSRF token is refused");
        assertEquals(3, editor.page("/admin/articles/" + id).select("ol.history > li").size());
    }

    @Test
    void markupTypedInTheTextIsShownAsTextNeverRun() {
        String typed = "Before <script>alert('x')</script> and <b onmouseover=\"alert(1)\">bold</b> text.";
        long id = create(editor, "Escaped revision story", typed);
        edit(editor, id, Map.of("body", typed.replace("bold", "strong")));
        Document form = editor.page("/admin/articles/" + id);
        Response page = editor.request().get(form.select("ol.history a.history-show").last().attr("href"));
        assertEquals(200, page.statusCode());
        assertFalse(page.asString().contains("<script>alert"), "no script from the body reaches the page");
        assertFalse(page.asString().contains("<b onmouseover"));
        Document revision = org.jsoup.Jsoup.parse(page.asString());
        assertTrue(revision.select("script").isEmpty());
        assertTrue(revision.select(".diff b").isEmpty());
        Element body = section(revision, "Body");
        assertTrue(body.selectFirst(".diff p").text().contains("<script>alert('x')</script>"), body.text());
        assertEquals("bold", body.selectFirst("del").ownText());
        assertEquals("strong", body.selectFirst("ins").ownText());
    }

    private static long create(NewsroomSession session, String headline, String body) {
        session.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article(headline, "revisions");
        fields.put("body", body);
        Response saved = DeskForms.post(session, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        return DeskForms.idFrom(saved);
    }

    private static void edit(NewsroomSession session, long id, Map<String, String> changes) {
        Map<String, String> fields = DeskForms.formValues(session.page("/admin/articles/" + id));
        fields.putAll(changes);
        Response saved = DeskForms.post(session, "/admin/articles/" + id, fields);
        assertEquals(303, saved.statusCode(), saved.asString());
    }

    /** The section of the revision page whose heading starts with this label. */
    private static Element section(Document page, String label) {
        for (Element section : page.select("section.revision-text")) {
            if (section.selectFirst("h2").ownText().startsWith(label)) {
                return section;
            }
        }
        throw new AssertionError("no section " + label + " in " + page.select("h2").eachText());
    }

    /** The text of an element without what its del and ins hold. */
    private static String ownTextOf(Element paragraph) {
        Element copy = paragraph.clone();
        copy.select("del, ins").remove();
        return copy.wholeText();
    }
}
