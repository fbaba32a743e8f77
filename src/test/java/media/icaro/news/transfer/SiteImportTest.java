package media.icaro.news.transfer;

import static io.restassured.RestAssured.given;
import static media.icaro.news.transfer.TransferFixtures.asAdmin;
import static media.icaro.news.transfer.TransferFixtures.importArchive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.RevisionRepository;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.RevisionSnapshot;

/**
 * {@code POST /api/v1/import}: an archive of a site with content of every kind, imported into a newly
 * installed site, gives back every page as it was, with new ids.
 */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*", disabledReason = TransferFixtures.NOT_ON_PG)
@TestProfile(TransferFixtures.Profile.class)
class SiteImportTest {

    @Inject
    EditorialService editorial;

    @Inject
    TransferFixtures fixtures;

    @Inject
    AccountService accounts;

    @Inject
    RevisionRepository revisions;

    @Inject
    ObjectMapper json;

    @Test
    void anArchiveImportedIntoAFreshSiteGivesBackEveryPage() {
        fixtures.freshSite();
        TransferFixtures.Sample sample = fixtures.addSample();
        fixtures.rebuildSearchIndex();
        Map<String, Long> before = fixtures.counts();
        Map<String, String> pages = livePages();
        Map<String, Map<String, Object>> articles = apiArticles();
        assertEquals(before.get("article") - 3 + 2, pages.size(), "all but the draft, the scheduled and the unpublished story");
        assertEquals(url(sample.moved()), Jsoup.parse(pages.get("/")).selectFirst(".lead-story .lead-headline a").attr("href"),
                "the front page leads with the pinned story");
        String pinningUrl = url(sample.pinning());
        String pinnedFirst = url(sample.moved());
        String picturedUrl = url(sample.pictured());
        byte[] archive = TransferFixtures.export();

        Response notEmpty = importArchive(archive);
        assertEquals(409, notEmpty.statusCode(), notEmpty.asString());
        assertTrue(notEmpty.jsonPath().getString("errors[0].message").contains("only into an empty site"), notEmpty.asString());
        assertEquals(before, fixtures.counts(), "a refused import changes nothing");

        fixtures.freshSite();
        fixtures.forgetAccount(TransferFixtures.WRITER);
        assertNotEquals(200, given().redirects().follow(false).get(pinningUrl).statusCode(), "a fresh site lacks the story");
        Response imported = importArchive(archive);
        assertEquals(200, imported.statusCode(), imported.asString());
        assertEquals(before.get("article").intValue(), imported.jsonPath().getInt("imported.article"));
        assertEquals(before.get("image").intValue(), imported.jsonPath().getInt("imported.image"));
        assertEquals(List.of(TransferFixtures.WRITER), imported.jsonPath().getList("accountsWithoutPassword"));
        assertTrue(imported.jsonPath().getList("accountsKept").contains(TransferFixtures.ADMIN));
        assertEquals(before, fixtures.counts(), "every row is back; the accounts already here stayed, the writer came back");

        assertEquals(articles, apiArticles(), "every article as the API reads it, versions and dates included");

        // Every page as it was, at once: the page cache, navigation and related stories follow the import.
        Map<String, String> after = livePages();
        assertEquals(pages.keySet(), after.keySet(), "the same addresses");
        pages.forEach((url, html) -> assertEquals(withoutImageIds(html), withoutImageIds(after.get(url)), url));

        Document pinning = Jsoup.parse(after.get(pinningUrl));
        assertEquals(pinnedFirst, pinning.selectFirst(".related li h3 a").attr("href"), "the pins come first, in order");
        assertEquals(picturedUrl, pinning.select(".related li h3 a").get(1).attr("href"));
        Document pictured = Jsoup.parse(after.get(picturedUrl));
        assertEquals("Cranes over the old port", pictured.selectFirst(".feature-image img").attr("alt"));
        assertTrue(pictured.selectFirst(".corrections").text().contains("wrong year"));
        Element picture = pictured.selectFirst(".feature-image img");
        Response smaller = given().get(picture.attr("src"));
        assertEquals(200, smaller.statusCode());
        assertEquals("image/jpeg", smaller.contentType(), "its smaller version, made again by the import");
        assertTrue(picture.attr("src").endsWith("/320"), picture.attr("src"));
        Response image = given().get(picture.attr("src").replace("/320", ""));
        assertEquals(200, image.statusCode());
        assertArrayEquals(TransferFixtures.PNG, image.asByteArray(), "the original, as it was");

        Response moved = given().redirects().follow(false).get(sample.oldPath());
        assertEquals(301, moved.statusCode(), "the old address still moves readers on");
        assertTrue(moved.header("Location").endsWith(pinnedFirst), moved.header("Location"));

        String search = given().get("/search?q=quayside").asString();
        assertTrue(search.contains(pinningUrl), "the search index holds the imported stories");

        // Revisions keep naming the same stories, by their new ids.
        long newPinning = newId(pinningUrl);
        RevisionSnapshot last = QuarkusTransaction.requiringNew().call(() -> readSnapshot(newPinning));
        assertEquals(List.of(String.valueOf(newId(pinnedFirst)), String.valueOf(newId(picturedUrl))),
                last.content().pinnedRelated());

        // The change waiting to go live moved too, naming the same story by its new id; readers still see the live version.
        EditorialService.PendingChange copy = editorial.load(newId(picturedUrl)).pending();
        assertEquals("Harbour cranes return to Genoa, revised", copy.input().headline());
        assertEquals(List.of(String.valueOf(newPinning)), copy.input().pinnedRelated());
        assertEquals("Harbour cranes return to Genoa's old port", pictured.selectFirst("h1").text());
    }

    @Test
    void importedAccountsCannotSignInUntilAnAdminSetsAPasswordAndTheAdminStaysSignedIn() {
        fixtures.freshSite();
        fixtures.addSample();
        byte[] archive = TransferFixtures.export();
        NewsroomSession admin = NewsroomSession.signIn(TransferFixtures.ADMIN, TransferFixtures.ADMIN_PASSWORD);
        fixtures.freshSite();
        fixtures.forgetAccount(TransferFixtures.WRITER);

        assertEquals(200, importArchive(archive).statusCode());
        assertFalse(accounts.find(TransferFixtures.WRITER).orElseThrow().hasPassword());
        Response refused = NewsroomSession.signInForm(TransferFixtures.WRITER, TransferFixtures.PASSWORD)
                .header("X-Forwarded-For", "10.11.0.1").post("/j_security_check");
        assertTrue(refused.header("Location").endsWith("/login?error=true"), "no password, no sign-in");
        assertEquals(401, TransferFixtures.as(TransferFixtures.WRITER, TransferFixtures.PASSWORD)
                .header("X-Forwarded-For", "10.11.0.2").get("/api/v1/sections").statusCode());
        Document users = admin.page("/admin/users");
        assertTrue(users.text().contains("No password yet"), "the users page says which accounts have none");

        accounts.resetPassword(TransferFixtures.WRITER, "a-password-set-by-the-admin");
        NewsroomSession.signIn(TransferFixtures.WRITER, "a-password-set-by-the-admin");
        assertEquals(200, admin.request().get("/admin/site/transfer").statusCode(), "the importing admin is still signed in");
    }

    private RevisionSnapshot readSnapshot(long articleId) {
        String text = revisions.listForArticle(articleId).get(0).snapshot;
        try {
            return json.readValue(text, RevisionSnapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every article in any status as the API gives it, by slug, without its id and with its pins by slug. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> apiArticles() {
        List<Map<String, Object>> list = asAdmin().get("/api/v1/articles?limit=100").jsonPath().getList("articles");
        Map<Object, Object> slugs = new LinkedHashMap<>();
        list.forEach(a -> slugs.put(a.get("id"), a.get("slug")));
        Map<String, Map<String, Object>> articles = new TreeMap<>();
        for (Map<String, Object> article : list) {
            Map<String, Object> copy = new TreeMap<>(article);
            copy.remove("id");
            copy.put("pinnedRelated", ((List<?>) article.get("pinnedRelated")).stream().map(slugs::get).toList());
            copy.put("tags", ((List<?>) article.get("tags")).stream().map(String::valueOf).sorted().toList());
            if (article.get("workingCopy") instanceof Map<?, ?> workingCopy) {
                // A working copy names its pins as typed (ids here): by slug, to compare across the move.
                Map<String, Object> content = new TreeMap<>((Map<String, Object>) workingCopy.get("content"));
                content.put("pinnedRelated", ((List<?>) content.get("pinnedRelated")).stream()
                        .map(pin -> slugs.get(Integer.valueOf(String.valueOf(pin)))).toList());
                Map<String, Object> kept = new TreeMap<>((Map<String, Object>) workingCopy);
                kept.put("content", content);
                copy.put("workingCopy", kept);
            }
            articles.put((String) article.get("slug"), copy);
        }
        return articles;
    }

    /** Every live story's page, by address. */
    private static Map<String, String> livePages() {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String url : asAdmin().get("/api/v1/articles?status=published&limit=100").jsonPath().<String>getList("articles.url")) {
            Response page = given().redirects().follow(false).get(url);
            if (page.statusCode() == 200) {
                pages.put(url, page.asString());
            }
        }
        // The fronts: the front page and a section's page as editors arranged them.
        for (String front : List.of("/", "/culture")) {
            pages.put(front, given().get(front).then().statusCode(200).extract().asString());
        }
        return pages;
    }

    private static String url(long id) {
        String url = asAdmin().get("/api/v1/articles/" + id).jsonPath().getString("url");
        assertNotNull(url);
        return url;
    }

    /** The id the article at this address has now. */
    private static long newId(String url) {
        for (var article : asAdmin().get("/api/v1/articles?status=published&limit=100").jsonPath().<Map<String, Object>>getList("articles")) {
            if (url.equals(article.get("url"))) {
                return ((Number) article.get("id")).longValue();
            }
        }
        throw new AssertionError("no article at " + url);
    }

    /** Images get new ids, like every row: their address is the one thing on a page that may change. */
    private static String withoutImageIds(String html) {
        return html.replaceAll("/media/[0-9]+", "/media/ID");
    }
}
