package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.ArticleView;
import media.icaro.news.front.FrontService;

/**
 * An editor programs the front page in a real browser, with nothing but links, fields and buttons: pins
 * a lead by its address, sees it lead, moves a top story down, unpublishes the lead and sees the slot
 * fall back to the newest story. Every page passes the {@link PageChecks}; the screenshots show it.
 */
@QuarkusTest
class FrontJourneyTest {

    static final String PASSWORD = "br-front-password-1";
    static final String SECTION = "br-front";

    static Browser browser;

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @Inject
    FrontService fronts;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        browser = Browser.start(true);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anEditorPinsALeadSeesItLeadUnpublishesItAndSeesTheFallback() {
        Axe.source();
        String username = "br-front-" + System.nanoTime() % 100000;
        accounts.create(username, "Br Front Editor", Account.Role.EDITOR, PASSWORD);
        content.section(SECTION);
        // Older than every other story, so that only the pin can make it lead.
        ArticleView story = content.publish(SECTION, "Br the story the editors lead with", Instant.parse("2020-02-02T08:00:00Z"));
        String base = root.toString().replaceAll("/$", "");

        Browser b = browser;
        PageChecks checks = new PageChecks(b, "fronts");
        b.open(base + "/");
        String automatic = b.find(".lead-story .lead-headline a").getAttribute("href");
        b.open(base + "/login");
        b.find("#j_username").sendKeys(username);
        b.find("#j_password").sendKeys(PASSWORD);
        b.follow(b.find("main form button[type=submit]"));

        b.follow(b.find(".newsroom-nav a[href='/admin/fronts']"));
        assertEquals("/admin/fronts/home", b.path());
        checks.check("front-form");

        b.find("#lead-1-address").sendKeys(base + story.url());
        b.follow(b.find("form.front-form .actions button[type=submit]"));
        assertTrue(b.find(".notice").getText().startsWith("Saved"), b.find(".notice").getText());
        assertTrue(b.find("#slot-lead-1 .front-slot-now").getText().contains(story.headline() + " (pinned)"));
        checks.check("front-saved");

        b.follow(b.find(".notice a"));
        assertEquals("/", b.path());
        assertTrue(b.find(".lead-story .lead-headline a").getAttribute("href").endsWith(story.url()), "the pinned story leads");
        checks.check("front-pinned-lead");

        // Unpublish the lead in the newsroom: the front falls back to the newest story at once.
        b.open(base + "/admin/articles/" + story.id());
        b.follow(b.find(".form-bar a[href$='/unpublish']"));
        b.follow(b.find("form.confirm-actions button[type=submit]"));
        b.open(base + "/");
        String lead = b.find(".lead-story .lead-headline a").getAttribute("href");
        assertNotEquals(base + story.url(), lead);
        assertEquals(automatic, lead, "the newest story leads again");
        assertTrue(b.findAll("main a[href='" + story.url() + "']").isEmpty());
        checks.check("front-fallback");

        b.open(base + "/admin/fronts/home");
        assertTrue(b.find("#slot-lead-1 .front-slot-note").getText().contains("not live"), b.find("#slot-lead-1").getText());
        checks.check("front-form-fallback");

        // Pick the newest story for top story 1, then move it down a slot.
        Select first = new Select(b.find("#top-1"));
        first.selectByIndex(1);
        String picked = first.getFirstSelectedOption().getAttribute("value");
        b.follow(b.find("#slot-top-1 button[value='top-1:down']"));
        assertTrue(b.find(".notice").getText().startsWith("Moved"), b.find(".notice").getText());
        assertEquals(picked, new Select(b.find("#top-2")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("", new Select(b.find("#top-1")).getFirstSelectedOption().getAttribute("value"));

        // Leave the front automatic for the other tests.
        b.follow(b.find(".newsroom-nav a[href='/admin/fronts']"));
        for (String slot : new String[] {"lead-1", "top-2"}) {
            new Select(b.find("#" + slot)).selectByValue("");
        }
        b.follow(b.find("form.front-form .actions button[type=submit]"));
        assertTrue(fronts.settings(FrontService.HOME).isEmpty(), "every slot automatic again");
        checks.assertClean();
    }
}
