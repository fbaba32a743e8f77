package media.icaro.news.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.article.ArticleView;

/** Contributors see only their own articles in the newsroom: not others' drafts, their history or previews. */
@QuarkusTest
class ContributorAccessTest {

    @Inject
    DeskAccounts accounts;

    @Inject
    TestContent content;

    @Test
    void aContributorCannotOpenOrPreviewSomeoneElsesDraft() {
        content.section("desk");
        ArticleView other = content.draft("desk", "Someone else's secret draft", Instant.now(), List.of());
        NewsroomSession contributor = NewsroomSession.signIn(accounts.create("writer", Account.Role.CONTRIBUTOR),
                DeskAccounts.PASSWORD);
        Response edit = contributor.request().get("/admin/articles/" + other.id());
        assertEquals(403, edit.statusCode());
        assertFalse(edit.asString().contains("secret draft"), "nothing of the draft shows");
        Response preview = contributor.request().get("/admin/articles/" + other.id() + "/preview");
        assertEquals(403, preview.statusCode());
        assertFalse(preview.asString().contains("secret draft"), "nothing of the draft shows");
    }

    @Test
    void aContributorsListHoldsOnlyTheirOwnArticles() {
        content.section("desk");
        content.draft("desk", "A draft the contributor must not list", Instant.now(), List.of());
        NewsroomSession contributor = NewsroomSession.signIn(accounts.create("lister", Account.Role.CONTRIBUTOR),
                DeskAccounts.PASSWORD);
        contributor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("The contributor's own listed draft", "desk");
        long own = DeskForms.idFrom(DeskForms.post(contributor, "/admin/articles", fields));
        Document list = contributor.page("/admin/articles");
        List<String> headlines = list.select("main a[href^=/admin/articles/]").eachText();
        assertTrue(headlines.contains("The contributor's own listed draft"), headlines.toString());
        assertFalse(headlines.contains("A draft the contributor must not list"), headlines.toString());
        assertEquals(200, contributor.request().get("/admin/articles/" + own).statusCode(), "their own draft opens");
        assertEquals(200, contributor.request().get("/admin/articles/" + own + "/preview").statusCode());
        Document editorView = Jsoup.parse(NewsroomSession.signIn(DeskAccounts.ADMIN, DeskAccounts.ADMIN_PASSWORD)
                .request().get("/admin/articles").asString());
        assertTrue(editorView.select("main a[href^=/admin/articles/]").eachText().contains("A draft the contributor must not list"),
                "editors still see every article");
    }
}
