package media.icaro.news.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.HeldRow;
import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.ArticleRepository;

/**
 * Two editors saving one article at the same moment: whoever loses gets the conflict page with
 * their text, never the error page.
 */
@QuarkusTest
class SimultaneousSavesTest {

    static final String PASSWORD = "race-test-password-1";

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @Inject
    ArticleRepository articles;

    ExecutorService pool = Executors.newFixedThreadPool(20);

    @BeforeEach
    void setUp() {
        content.section("race");
        if (accounts.find("race-editor").isEmpty()) {
            accounts.create("race-editor", "Race Editor", Account.Role.EDITOR, PASSWORD);
        }
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoEditorsSavingAtTheSameMomentGetOneSaveAndOneConflictThatKeepsTheText() throws Exception {
        NewsroomSession first = NewsroomSession.signIn("race-editor", PASSWORD);
        NewsroomSession second = NewsroomSession.signIn("race-editor", PASSWORD);
        first.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("A story two editors save at once", "race");
        fields.put("publishedAt", "2023-02-01T09:00");
        fields.put("action", "publish");
        long id = DeskForms.idFrom(DeskForms.post(first, "/admin/articles", fields));

        for (int round = 0; round < 8; round++) {
            Map<String, String> mine = DeskForms.formValues(first.page("/admin/articles/" + id));
            Map<String, String> theirs = DeskForms.formValues(second.page("/admin/articles/" + id));
            mine.put("body", "Round " + round + ": the first editor's words.");
            theirs.put("body", "Round " + round + ": the second editor's words.");
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Response> a = pool.submit(atOnce(together, () -> DeskForms.post(first, "/admin/articles/" + id, mine)));
            Future<Response> b = pool.submit(atOnce(together, () -> DeskForms.post(second, "/admin/articles/" + id, theirs)));
            List<Response> answers = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));

            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(303, 409), statuses, "round " + round + ": one save and one conflict");
            Response lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            Document form = Jsoup.parse(lost.asString());
            assertTrue(form.selectFirst(".problem").text().contains("your changes were not saved"));
            String keptBody = form.selectFirst("#body").text();
            assertTrue(keptBody.equals(mine.get("body")) || keptBody.equals(theirs.get("body")), keptBody);
        }
    }

    @Test
    void aSaveTheDatabaseCannotCompleteComesBackWithTheTextKept() throws Exception {
        NewsroomSession editor = NewsroomSession.signIn("race-editor", PASSWORD);
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("A story whose row another write holds", "race");
        long id = DeskForms.idFrom(DeskForms.post(editor, "/admin/articles", fields));
        Map<String, String> edit = DeskForms.formValues(editor.page("/admin/articles/" + id));
        edit.put("body", "Words typed while the database was busy elsewhere.");

        // Another write holds the article's row for longer than the database waits for it.
        Response unsaved;
        try (HeldRow held = HeldRow.ofArticle(articles.getEntityManager(), id)) {
            unsaved = DeskForms.post(editor, "/admin/articles/" + id, edit);
        }
        assertEquals(503, unsaved.statusCode());
        Document form = Jsoup.parse(unsaved.asString());
        assertTrue(form.selectFirst(".problem").text().contains("was not saved"), form.selectFirst(".problem").text());
        assertEquals("Words typed while the database was busy elsewhere.", form.selectFirst("#body").text());
        assertEquals("/admin/articles/" + id, form.selectFirst("form.article-form").attr("action"));

        // Once the row is free, saving the same form again works.
        Map<String, String> again = DeskForms.formValues(form);
        assertEquals(303, DeskForms.post(editor, "/admin/articles/" + id, again).statusCode());
    }

    private static <T> Callable<T> atOnce(CyclicBarrier together, Callable<T> task) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            return task.call();
        };
    }
}
