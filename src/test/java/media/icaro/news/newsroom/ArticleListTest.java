package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleRepository;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.EditorialService;

/**
 * The newsroom's article list: keyset pages in each order, filters, full-text search over every
 * status (never shown to readers), and the editors' bulk actions with their confirmation.
 */
@QuarkusTest
class ArticleListTest {

    static final String PAGER = "Pager Listreporter";
    static final int PAGED = 120;
    /** Ids of the paged articles, made once for the whole class. */
    static final Set<Long> PAGED_IDS = new HashSet<>();

    @Inject
    TestContent content;

    @Inject
    DeskAccounts accounts;

    @Inject
    EditorialService editorial;

    @Inject
    ArticleRepository articleRepository;

    NewsroomSession editor;

    @BeforeEach
    void setUp() {
        content.section("desk");
        content.section("list-move");
        editor = NewsroomSession.signIn(accounts.create("list-editor", Account.Role.EDITOR), DeskAccounts.PASSWORD);
        if (PAGED_IDS.isEmpty()) {
            makePagedArticles();
        }
    }

    /**
     * 120 articles by one author, made in a burst so that many share their last change (to the second),
     * in threes with the same headline, a third published at times that repeat, a third drafts with
     * dates, a third never published: every order meets ties that only the id breaks.
     */
    private void makePagedArticles() {
        Instant base = Instant.parse("2023-01-02T08:00:00Z");
        for (int i = 0; i < PAGED; i++) {
            String headline = "Pager story %02d".formatted(i % 40);
            EditorialService.Action action = i % 3 == 0 ? EditorialService.Action.PUBLISH : EditorialService.Action.SAVE;
            Instant at = switch (i % 3) {
                case 0 -> base.plus(i / 12, ChronoUnit.DAYS);
                case 1 -> base.plus(30 + i / 20, ChronoUnit.DAYS);
                default -> null;
            };
            ArticleInput input = TestContent.story("desk", headline, at).bylines(List.of(PAGER))
                    .body("A paged story, number " + i + ".").build();
            PAGED_IDS.add(content.create(input, action).id());
        }
    }

    /** A row as the list shows it: its id, headline, publication and last change (null when none). */
    record Row(long id, String headline, Instant published, Instant changed) {
    }

    @Test
    void pagesThroughEveryArticleOnceInEachOrderForwardsAndBack() {
        for (String sort : List.of("changed", "published", "headline")) {
            List<List<Row>> pages = new ArrayList<>();
            String href = "/admin/articles?author=" + PAGER.replace(" ", "%20") + "&sort=" + sort;
            Document page = open(editor, href);
            assertNull(page.selectFirst(".pager a[rel=prev]"), "the first page has no previous page");
            while (true) {
                List<Row> rows = rows(page);
                assertTrue(rows.size() <= 25, "at most 25 rows a page");
                pages.add(rows);
                Element next = page.selectFirst(".pager a[rel=next]");
                if (next == null) {
                    break;
                }
                assertEquals(25, rows.size(), "a page before the last is full");
                page = open(editor, next.attr("href"));
            }
            List<Row> all = pages.stream().flatMap(List::stream).toList();
            List<Long> ids = all.stream().map(Row::id).toList();
            assertEquals(PAGED, ids.size(), sort + ": " + ids);
            assertEquals(PAGED_IDS, new HashSet<>(ids), sort + ": every article once");
            assertEquals(5, pages.size(), sort);
            for (int i = 1; i < all.size(); i++) {
                assertTrue(inOrder(sort, all.get(i - 1), all.get(i)), sort + ": " + all.get(i - 1) + " before " + all.get(i));
            }

            // Back from the last page to the first, through the Previous links: the same pages.
            List<List<Row>> back = new ArrayList<>();
            back.add(rows(page));
            Element previous;
            while ((previous = page.selectFirst(".pager a[rel=prev]")) != null) {
                page = open(editor, previous.attr("href"));
                back.add(rows(page));
            }
            Collections.reverse(back);
            assertEquals(pages, back, sort + ": the same pages going back");
        }
    }

    private static boolean inOrder(String sort, Row a, Row b) {
        return switch (sort) {
            case "changed" -> a.changed().isAfter(b.changed()) || a.changed().equals(b.changed()) && a.id() > b.id();
            case "published" -> b.published() == null
                    ? a.published() != null || a.id() > b.id()
                    : a.published() != null && (a.published().isAfter(b.published())
                            || a.published().equals(b.published()) && a.id() > b.id());
            default -> a.headline().compareTo(b.headline()) < 0 || a.headline().equals(b.headline()) && a.id() < b.id();
        };
    }

    private static List<Row> rows(Document page) {
        List<Row> rows = new ArrayList<>();
        for (Element tr : page.select(".article-list tbody tr")) {
            Element link = tr.selectFirst("td.desk-headline > a");
            long id = Long.parseLong(link.attr("href").replaceAll("\\D", ""));
            Element checkbox = tr.selectFirst("input[type=checkbox][name=id]");
            assertEquals(String.valueOf(id), checkbox.val());
            assertEquals("Select: " + link.text(), tr.selectFirst("label[for=" + checkbox.id() + "]").text());
            Element published = tr.selectFirst("td[data-label=Published] time");
            rows.add(new Row(id, link.text(), published == null ? null : instant(published),
                    instant(tr.selectFirst("td[data-label=Changed] time"))));
        }
        return rows;
    }

    private static Instant instant(Element time) {
        return OffsetDateTime.parse(time.attr("datetime")).toInstant();
    }

    @Test
    void theWholeListPagesWithoutSkippingOrRepeating() {
        Set<Long> seen = new LinkedHashSet<>();
        Document page = editor.page("/admin/articles");
        assertEquals("Articles, most recently changed first", page.selectFirst(".article-list caption").text());
        assertEquals("descending", page.select(".article-list th").stream()
                .filter(th -> th.text().equals("Last change")).findFirst().orElseThrow().attr("aria-sort"));
        while (true) {
            for (Row row : rows(page)) {
                assertTrue(seen.add(row.id()), "repeated: " + row);
            }
            Element next = page.selectFirst(".pager a[rel=next]");
            if (next == null) {
                break;
            }
            page = open(editor, next.attr("href"));
        }
        long articles = QuarkusTransaction.requiringNew().call(articleRepository::count);
        assertEquals(articles, seen.size());
        assertTrue(seen.containsAll(PAGED_IDS));

        // A cursor the list did not write, or one of another order, opens the first page.
        List<Long> first = ids(editor.page("/admin/articles"));
        assertEquals(first, ids(open(editor, "/admin/articles?after=not-a-cursor")));
        String headlineCursor = open(editor, "/admin/articles?sort=headline").selectFirst(".pager a[rel=next]").attr("href")
                .replaceAll(".*after=", "");
        assertEquals(first, ids(open(editor, "/admin/articles?after=" + headlineCursor)));
    }

    @Test
    void filtersByStatusSectionAndAuthor() {
        Document published = open(editor, "/admin/articles?status=published&author=" + PAGER.replace(" ", "%20"));
        List<String> statuses = published.select(".article-list tbody .status").eachText();
        assertEquals(25, statuses.size());
        assertTrue(statuses.stream().allMatch("published"::equals), statuses.toString());
        assertEquals("published", published.selectFirst("#filter-status option[selected]").val());
        assertEquals(PAGER, published.selectFirst("#filter-author").val());

        String reporter = "Filter Listreporter";
        ArticleView moved = content.create(TestContent.story("list-move", "Filter story in another section",
                Instant.parse("2023-03-01T10:00:00Z")).bylines(List.of(reporter)).body("Elsewhere.").build(),
                EditorialService.Action.PUBLISH);
        content.create(TestContent.story("desk", "Filter story on the desk", null).bylines(List.of(reporter)).body("Here.").build(),
                EditorialService.Action.SAVE);
        assertEquals(List.of("Filter story in another section"),
                headlines(open(editor, "/admin/articles?section=list-move&author=filter%20listreporter")));
        assertEquals(List.of(moved.id()), rows(open(editor, "/admin/articles?section=list-move&author=Filter%20Listreporter"))
                .stream().map(Row::id).toList());
        assertEquals(List.of("Filter story on the desk"),
                headlines(open(editor, "/admin/articles?status=draft&author=Filter%20Listreporter")));
        assertEquals(2, headlines(open(editor, "/admin/articles?author=Filter%20Listreporter")).size());

        Document unknown = open(editor, "/admin/articles?author=Nobody%20Of%20That%20Name");
        assertTrue(unknown.selectFirst(".problem").text().contains("No author is called \u201cNobody Of That Name\u201d"));
        assertNotNull(unknown.selectFirst("p.empty"));
        assertTrue(unknown.select("#filter-authors option").eachAttr("value").contains(reporter), "authors are offered");
    }

    @Test
    void fullTextFindsDraftsScheduledAndUnpublishedArticlesButReadersOnlyLiveOnes() {
        // Saved through the form: findable at once, by a word of its body only.
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("A draft about the harbour", "desk");
        fields.put("body", "The quokkalistword appears only in this draft's body.");
        Response saved = DeskForms.post(editor, "/admin/articles", fields);
        assertEquals(303, saved.statusCode(), saved.asString());
        long draft = DeskForms.idFrom(saved);
        assertEquals(List.of(draft), ids(open(editor, "/admin/articles?q=quokkalistword")));

        ArticleView scheduled = content.create(TestContent.story("desk", "A story for next week", Instant.now().plus(7, ChronoUnit.DAYS))
                .standfirst("Its standfirst names the quokkalistword too.").body("Nothing here.").build(),
                EditorialService.Action.SCHEDULE);
        ArticleView live = content.create(TestContent.story("desk", "A live story", Instant.parse("2023-04-01T10:00:00Z"))
                .body("Readers may find the quokkalistword here.").build(), EditorialService.Action.PUBLISH);
        ArticleView gone = content.create(TestContent.story("desk", "A story taken down", Instant.parse("2023-04-02T10:00:00Z"))
                .body("And the quokkalistword here, until it was unpublished.").build(), EditorialService.Action.PUBLISH);
        editorial.unpublish(gone.id(), media.icaro.news.article.Editor.SYSTEM);

        assertEquals(Set.of(draft, scheduled.id(), live.id(), gone.id()), Set.copyOf(ids(open(editor, "/admin/articles?q=quokkalistword"))));
        assertEquals(List.of(draft), ids(open(editor, "/admin/articles?q=quokkalistword&status=draft")));
        assertEquals("A draft about the harbour", headlines(open(editor, "/admin/articles?q=harbour%20quokkalistword")).get(0));

        content.settle();
        Document search = TestContent.page("/search?q=quokkalistword");
        List<String> found = search.select("ol.search-results .card-headline a").eachText();
        assertEquals(List.of("A live story"), found, "readers find only the live story");
        assertFalse(search.text().contains("harbour"));
    }

    @Test
    void anEditorUnpublishesSeveralArticlesAfterConfirming() {
        List<ArticleView> stories = List.of(
                content.publish("desk", "Bulk unpublish one", Instant.parse("2023-05-01T10:00:00Z")),
                content.publish("desk", "Bulk unpublish two", Instant.parse("2023-05-02T10:00:00Z")),
                content.publish("desk", "Bulk unpublish three", Instant.parse("2023-05-03T10:00:00Z")));
        editor.page("/admin/articles");
        Response review = editor.request().formParam("csrf-token", editor.csrfToken())
                .formParam("id", stories.stream().map(s -> String.valueOf(s.id())).toArray())
                .formParam("action", "unpublish").formParam("section", "").post("/admin/articles/bulk");
        assertEquals(200, review.statusCode(), review.asString());
        Document confirm = Jsoup.parse(review.asString());
        assertEquals("Unpublish 3 articles?", confirm.selectFirst("h1").text());
        assertEquals(List.of("Bulk unpublish one", "Bulk unpublish two", "Bulk unpublish three"),
                confirm.select(".article-list td.desk-headline").eachText());
        assertEquals("/admin/articles", confirm.selectFirst("form.confirm a").attr("href"));
        for (ArticleView story : stories) {
            TestContent.page(story.url());
        }

        Response done = post(editor, confirm.selectFirst("form.confirm"));
        assertEquals(303, done.statusCode(), done.asString());
        Document list = editor.page(done.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("3 articles unpublished.", list.selectFirst(".notice").text());
        for (ArticleView story : stories) {
            given().redirects().follow(false).get(story.url()).then().statusCode(404);
            assertEquals("Unpublished (bulk)", editorial.load(story.id()).revisions().get(0).summary());
        }
    }

    @Test
    void anEditorMovesArticlesToAnotherSectionAndTheOldAddressesRedirect() {
        ArticleView first = content.publish("desk", "Bulk move one", Instant.parse("2023-06-01T10:00:00Z"));
        ArticleView second = content.draft("desk", "Bulk move two", null, List.of());
        editor.page("/admin/articles");
        Response review = editor.request().formParam("csrf-token", editor.csrfToken())
                .formParam("id", String.valueOf(first.id()), String.valueOf(second.id()))
                .formParam("action", "move").formParam("section", "list-move").post("/admin/articles/bulk");
        assertEquals(200, review.statusCode(), review.asString());
        Document confirm = Jsoup.parse(review.asString());
        assertEquals("Move 2 articles to Test list-move?", confirm.selectFirst("h1").text());
        assertEquals("Move 2 articles to Test list-move", confirm.selectFirst("form.confirm button").text());

        Response done = post(editor, confirm.selectFirst("form.confirm"));
        assertEquals(303, done.statusCode(), done.asString());
        Document list = editor.page(done.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertEquals("2 articles moved to Test list-move.", list.selectFirst(".notice").text());

        String newUrl = editorial.load(first.id()).url();
        assertTrue(newUrl.startsWith("/list-move/"), newUrl);
        given().redirects().follow(false).get(first.url()).then().statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith(newUrl));
        TestContent.page(newUrl);
        assertEquals("Moved to Test list-move (bulk)", editorial.load(first.id()).revisions().get(0).summary());
        assertEquals("Moved to Test list-move (bulk)", editorial.load(second.id()).revisions().get(0).summary());
    }

    @Test
    void staleOrWrongSelectionsChangeNothingAndSaySo() {
        ArticleView story = content.publish("desk", "Bulk story that must stay", Instant.parse("2023-07-01T10:00:00Z"));
        String id = String.valueOf(story.id());
        editor.page("/admin/articles");
        assertEquals("No article was chosen: tick the articles to change in the list first.",
                refused(editor.request().formParam("csrf-token", editor.csrfToken()).formParam("action", "unpublish")
                        .post("/admin/articles/bulk")));
        assertTrue(refused(bulk(editor, "/admin/articles/bulk", "move", "no-such-section", id))
                .startsWith("There is no section \u201cno-such-section\u201d"));
        assertEquals("Choose the section to move the chosen articles to.", refused(bulk(editor, "/admin/articles/bulk", "move", "", id)));
        assertTrue(refused(bulk(editor, "/admin/articles/bulk", "unpublish", "", id, "999999999"))
                .startsWith("One of the chosen articles no longer exists (number 999999999), so nothing was changed."));
        assertTrue(refused(bulk(editor, "/admin/articles/bulk/confirm", "unpublish", "", id, "999999999"))
                .contains("nothing was changed"));
        assertTrue(refused(bulk(editor, "/admin/articles/bulk/confirm", "move", "list-move", id, "999999998"))
                .contains("nothing was changed"));
        TestContent.page(story.url());
        assertEquals("desk", editorial.load(story.id()).input().section());
    }

    @Test
    void contributorsSeeOnlyTheirOwnArticlesWithoutBulkActions() {
        String username = accounts.create("list-writer", Account.Role.CONTRIBUTOR);
        NewsroomSession contributor = NewsroomSession.signIn(username, DeskAccounts.PASSWORD);
        contributor.page("/admin/articles/new");
        long own = DeskForms.idFrom(DeskForms.post(contributor, "/admin/articles", DeskForms.article("A contributor's list draft", "desk")));
        Document list = contributor.page("/admin/articles");
        assertEquals(List.of("A contributor's list draft"), list.select(".article-list td.desk-headline > a:first-child").eachText());
        assertTrue(list.select("input[type=checkbox]").isEmpty(), "no checkboxes");
        assertNull(list.selectFirst("form#bulk"));
        assertTrue(open(contributor, "/admin/articles?author=" + PAGER.replace(" ", "%20")).select(".article-list").isEmpty());

        ArticleView story = content.publish("desk", "Bulk story a contributor cannot touch", Instant.parse("2023-07-02T10:00:00Z"));
        assertEquals(403, bulk(contributor, "/admin/articles/bulk", "unpublish", "", String.valueOf(story.id())).statusCode());
        assertEquals(403, bulk(contributor, "/admin/articles/bulk/confirm", "unpublish", "", String.valueOf(story.id())).statusCode());
        assertEquals(403, bulk(contributor, "/admin/articles/bulk/confirm", "move", "list-move", String.valueOf(own)).statusCode());
        TestContent.page(story.url());
        assertEquals("desk", editorial.load(own).input().section());
    }

    @Test
    void aBulkActionWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        ArticleView story = content.publish("desk", "Bulk story without a token", Instant.parse("2023-07-03T10:00:00Z"));
        Response refused = editor.request().formParam("id", String.valueOf(story.id())).formParam("action", "unpublish")
                .post("/admin/articles/bulk/confirm");
        assertEquals(400, refused.statusCode());
        Response forged = editor.request().formParam("csrf-token", "forged").formParam("id", String.valueOf(story.id()))
                .formParam("action", "unpublish").post("/admin/articles/bulk/confirm");
        assertEquals(400, forged.statusCode());
        TestContent.page(story.url());
    }

    private static Response bulk(NewsroomSession session, String path, String action, String section, String... ids) {
        session.page("/admin/articles/new");
        return session.request().formParam("csrf-token", session.csrfToken()).formParam("id", (Object[]) ids)
                .formParam("action", action).formParam("section", section).post(path);
    }

    /** The message of a refused bulk action, whose page has no confirm button. */
    private static String refused(Response response) {
        assertEquals(400, response.statusCode(), response.asString());
        Document page = Jsoup.parse(response.asString());
        assertEquals("Nothing was changed", page.selectFirst("h1").text());
        assertNull(page.selectFirst("form.confirm"));
        return page.selectFirst(".problem").text();
    }

    /** Posts a form of a page as a browser would: its hidden fields and its button. */
    private static Response post(NewsroomSession session, Element form) {
        var request = session.request();
        for (Element input : form.select("input[name]")) {
            request.formParam(input.attr("name"), input.val());
        }
        return session.keep(request.post(form.attr("action")));
    }

    /** A list page by an address as a page gives it (already encoded, which RestAssured would encode again). */
    private static Document open(NewsroomSession session, String href) {
        Response response = session.keep(session.request().urlEncodingEnabled(false).get(href));
        assertEquals(200, response.statusCode(), href);
        return Jsoup.parse(response.asString(), "http://localhost" + href);
    }

    private static List<String> headlines(Document page) {
        return page.select(".article-list td.desk-headline > a:first-child").eachText();
    }

    private static List<Long> ids(Document page) {
        return rows(page).stream().map(Row::id).toList();
    }
}
