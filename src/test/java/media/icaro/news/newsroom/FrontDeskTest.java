package media.icaro.news.newsroom;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.FormAssertions.assertFieldError;
import static media.icaro.news.newsroom.FormAssertions.assertOnlyErrors;
import static media.icaro.news.newsroom.FormAssertions.assertSentToSignIn;
import static media.icaro.news.newsroom.FormAssertions.rejected;
import static media.icaro.news.newsroom.FormAssertions.seeOther;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
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

/** The newsroom's fronts page as an editor uses it without JavaScript: pick, move, save, and see the page follow. */
@QuarkusTest
class FrontDeskTest {

    static final String SECTION = "front-desk-test";

    @Inject
    DeskAccounts accounts;

    @Inject
    TestContent content;

    private NewsroomSession admin;

    @BeforeEach
    void signIn() {
        admin = NewsroomSession.signIn(DeskAccounts.ADMIN, DeskAccounts.ADMIN_PASSWORD);
        content.section(SECTION);
    }

    @AfterEach
    void automaticAgain() {
        for (String front : new String[] {"home", SECTION}) {
            Document page = admin.page("/admin/fronts/" + front);
            post(front, Map.of("version", page.selectFirst("input[name=version]").val())).then().statusCode(303);
        }
    }

    @Test
    void anEditorPicksALeadFromTheLatestStoriesOrByItsAddressAndReadersSeeItLead() {
        ArticleView older = content.publish(SECTION, "The section's older story its editor leads with", Instant.parse("2021-05-01T10:00:00Z"));
        content.publish(SECTION, "The section's newest story", Instant.parse("2021-05-31T10:00:00Z"));
        Document page = admin.page("/admin/fronts/" + SECTION);
        Element select = page.getElementById("lead-1");
        assertNotNull(select, "a list of stories for the lead");
        assertEquals("Story", page.selectFirst("label[for=lead-1]").text());
        Element option = select.selectFirst("option[value=" + older.id() + "]");
        assertNotNull(option, "the section's latest stories are offered");
        assertTrue(option.text().startsWith(older.headline()), option.text());
        Map<String, String> form = fields(page);
        form.put("lead-1", String.valueOf(older.id()));
        seeOther(post(SECTION, form), "/admin/fronts/" + SECTION + "?done=saved");
        assertEquals(older.url(), TestContent.page("/" + SECTION).selectFirst(".lead-story .lead-headline a").attr("href"));

        ArticleView story = content.publish(SECTION, "The story the desk leads the site with", Instant.parse("2021-06-01T10:00:00Z"));
        form = fields(admin.page("/admin/fronts/home"));
        form.put("lead-1-address", "https://news.example" + story.url());
        seeOther(post("home", form), "/admin/fronts/home?done=saved");

        assertEquals(story.url(), TestContent.page("/").selectFirst(".lead-story .lead-headline a").attr("href"));
        Document saved = admin.page("/admin/fronts/home?done=saved");
        assertTrue(saved.selectFirst(".notice").text().startsWith("Saved"));
        assertTrue(saved.selectFirst("#slot-lead-1 .front-slot-now").text().contains(story.headline() + " (pinned)"),
                saved.selectFirst("#slot-lead-1 .front-slot-now").text());
        assertEquals(String.valueOf(story.id()), saved.selectFirst("#lead-1 option[selected]").val(), "the pin is offered");
        assertEquals("", saved.getElementById("lead-1-address").val());
    }

    @Test
    void moveDownSwapsASlotWithTheNextAndSaves() {
        ArticleView story = content.publish(SECTION, "A top story moved down", Instant.parse("2021-06-02T10:00:00Z"));
        Map<String, String> form = fields(admin.page("/admin/fronts/home"));
        form.put("top-1", String.valueOf(story.id()));
        form.put("move", "top-1:down");
        seeOther(post("home", form), "/admin/fronts/home?done=moved");

        Document page = admin.page("/admin/fronts/home");
        assertEquals(String.valueOf(story.id()), page.selectFirst("#top-2 option[selected]").val());
        assertEquals("", page.selectFirst("#top-1 option[selected]").val(), "slot 1 is automatic now");
        assertEquals(story.url(), TestContent.page("/").select(".top-stories .card-headline a").get(1).attr("href"));
    }

    @Test
    void aWrongAddressComesBackBesideItsFieldWithEverythingTyped() {
        ArticleView story = content.publish(SECTION, "A story typed beside a wrong one", Instant.parse("2021-06-03T10:00:00Z"));
        Map<String, String> form = fields(admin.page("/admin/fronts/home"));
        form.put("top-2", String.valueOf(story.id()));
        form.put("top-3-address", "https://example.org/no/such/story");
        form.put("top-4-fill", "section:" + SECTION);
        Document page = rejected(post("home", form));

        assertFieldError(page, "top-3-address", "No story matches");
        assertOnlyErrors(page, "top-3-address");
        assertEquals("https://example.org/no/such/story", page.getElementById("top-3-address").val());
        assertEquals(String.valueOf(story.id()), page.selectFirst("#top-2 option[selected]").val());
        assertEquals("section:" + SECTION, page.selectFirst("#top-4-fill option[selected]").val());
        assertTrue(TestContent.page("/").select(".top-stories a[href=" + story.url() + "]").isEmpty(), "nothing was saved");
    }

    @Test
    void aStaleFormIsRefusedAndKeepsWhatWasTyped() {
        ArticleView story = content.publish(SECTION, "A lead picked on a stale form", Instant.parse("2021-06-04T10:00:00Z"));
        Map<String, String> stale = fields(admin.page("/admin/fronts/home"));
        Map<String, String> other = new LinkedHashMap<>(stale);
        other.put("top-4-fill", "section:" + SECTION);
        seeOther(post("home", other), "/admin/fronts/home?done=saved");

        stale.put("lead-1", String.valueOf(story.id()));
        Response refused = post("home", stale);
        assertEquals(409, refused.statusCode());
        Document page = Jsoup.parse(refused.asString());
        assertTrue(page.selectFirst(".problem").text().contains("saved this front after you opened it"));
        assertEquals(String.valueOf(story.id()), page.selectFirst("#lead-1 option[selected]").val());
        // Saving the kept form again replaces the other arrangement, as the message says.
        seeOther(post("home", fields(page)), "/admin/fronts/home?done=saved");
        assertEquals(story.url(), TestContent.page("/").selectFirst(".lead-story .lead-headline a").attr("href"));
    }

    @Test
    void eachSectionsPageHasItsOwnFormAndOnlyEditorsMayUseThem() {
        Document page = admin.page("/admin/fronts/" + SECTION);
        assertNotNull(page.getElementById("lead-1"));
        assertTrue(page.select("#top-1").isEmpty(), "a section's page has only a lead");
        assertNotNull(page.selectFirst(".front-switcher a[aria-current=page][href=/admin/fronts/" + SECTION + "]"));

        assertSentToSignIn(given().redirects().follow(false).get("/admin/fronts/home"));
        String contributor = accounts.create("fronts", Account.Role.CONTRIBUTOR);
        NewsroomSession session = NewsroomSession.signIn(contributor, DeskAccounts.PASSWORD);
        assertEquals(403, session.request().get("/admin/fronts/home").statusCode());
        assertTrue(session.page("/admin/articles").select("a[href=/admin/fronts]").isEmpty(), "no Fronts link for contributors");
        assertEquals(404, admin.request().get("/admin/fronts/no-such-front").statusCode());
    }

    /** The form's fields as the page fills them in: what a browser would send back. */
    private static Map<String, String> fields(Document page) {
        Map<String, String> form = new LinkedHashMap<>();
        Element element = page.selectFirst("form.front-form");
        for (Element input : element.select("input[name]")) {
            form.put(input.attr("name"), input.val());
        }
        for (Element select : element.select("select[name]")) {
            Element selected = select.selectFirst("option[selected]");
            form.put(select.attr("name"), selected == null ? select.selectFirst("option").val() : selected.val());
        }
        return form;
    }

    private Response post(String front, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        body.put("csrf-token", admin.csrfToken());
        return admin.request().formParams(body).post("/admin/fronts/" + front);
    }
}
