package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;

/**
 * The article form with the newsroom's script, in a real browser: counts and the live preview follow
 * the typing, the typing is autosaved and back after a reload, and when the session ends the typing
 * is kept in the browser, a message says how to sign in again, and autosave resumes once signed in
 * (in another tab). The form page passes the {@link PageChecks} with the script running.
 */
@QuarkusTest
class EditorScriptTest {

    static final String PASSWORD = "br-script-password-1";
    static final String SECTION = "br-script";
    private static final AtomicInteger NEXT = new AtomicInteger();

    static Browser browser;

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

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
    void theFormAutosavesPreviewsCountsAndSurvivesTheSessionEnding() {
        Axe.source();
        String username = "br-script-" + System.nanoTime() % 100000 + "-" + NEXT.incrementAndGet();
        accounts.create(username, "Br Script", Account.Role.EDITOR, PASSWORD);
        content.section(SECTION);
        Browser b = browser;
        PageChecks checks = new PageChecks(b, "editor-script");
        String base = root.toString().replaceAll("/$", "");

        signIn(b, base, username);
        b.open(base + "/admin/articles/new");
        assertTrue(b.find("#body-preview-panel").isDisplayed(), "the preview shows with the script");
        assertEquals("0 characters", b.find("#headline-count").getText());

        // Counts and the preview follow the typing.
        String headline = "Br script story that " + username + " typed";
        b.find("#headline").sendKeys(headline);
        b.find("#body").sendKeys("## A subheading", Keys.ENTER, Keys.ENTER, "Four words typed here.");
        new Select(b.find("#section")).selectByValue(SECTION);
        assertEquals(headline.length() + " characters", b.find("#headline-count").getText());
        assertEquals("6 words", b.find("#body-count").getText(), "\"A subheading\" and four words; \"##\" is no word");
        waitFor("the preview renders the subheading",
                () -> b.findAll("#body-preview h2").stream().anyMatch(h -> h.getText().equals("A subheading")));
        assertEquals("Four words typed here.", b.find("#body-preview p").getText());

        // Autosaved, and back after a reload.
        waitFor("the autosave", () -> b.find("#autosave-status").getText().startsWith("Your changes were autosaved at "));
        fromTheTop(b);
        checks.check("new-article-typed");
        b.driver.navigate().refresh();
        assertEquals(headline, b.find("#headline").getAttribute("value"));
        assertEquals("## A subheading\n\nFour words typed here.", b.find("#body").getAttribute("value").replace("\r\n", "\n"));
        assertTrue(b.find(".autosave-restored").getText().contains("are restored below"));
        waitFor("the preview of the restored body", () -> !b.findAll("#body-preview h2").isEmpty());

        // The session ends: the typing stays in this browser and a message says how to go on.
        b.driver.manage().deleteCookieNamed("quarkus-credential");
        b.driver.manage().deleteCookieNamed("newsroom-session");
        b.find("#body").sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " Typed while signed out.");
        waitFor("the signed-out message", () -> b.find("#autosave-alert").getText().startsWith("You are signed out"));
        assertEquals("You are signed out: your last typing is kept in this browser. Sign in again in a new tab, and saving resumes.",
                b.find("#autosave-alert").getText());
        assertEquals("/login", b.find("#autosave-alert a").getDomAttribute("href"));
        String storageKey = b.find("#autosave").getDomAttribute("data-storage");
        String kept = (String) b.script("return localStorage.getItem(arguments[0]);", storageKey);
        assertTrue(kept != null && kept.contains("Typed while signed out."), kept);
        fromTheTop(b);
        checks.check("new-article-signed-out");

        // Signing in again in another tab returns to the form there; here, autosave resumes.
        String form = b.driver.getWindowHandle();
        b.driver.switchTo().newWindow(WindowType.TAB);
        signIn(b, base, username);
        assertEquals("/admin/articles/new", b.path(), "signing in returns to the article");
        assertTrue(b.find(".autosave-local").getText().contains("that the site did not get"), "this browser's copy is offered");
        b.driver.close();
        b.driver.switchTo().window(form);
        waitFor("autosave to resume", () -> b.find("#autosave-status").getText().startsWith("Your changes were autosaved at ")
                && b.find("#autosave-alert").getText().isEmpty());
        assertNull(b.script("return localStorage.getItem(arguments[0]);", storageKey), "the server has it now");

        // A real save: the form comes back saved, with nothing to restore.
        b.follow(b.find(".actions button[value=save]"));
        assertTrue(b.path().matches("/admin/articles/\\d+\\?done=saved"), b.path());
        assertTrue(b.find("#body").getAttribute("value").endsWith("Typed while signed out."));
        assertTrue(b.findAll(".autosave-restored").isEmpty());
        assertTrue(b.findAll(".autosave-local").isEmpty());
        assertNull(b.script("return localStorage.getItem(arguments[0]);", storageKey.replaceAll(":[^:]*$", ":new")));
        checks.check("article-saved");

        checks.assertClean();
    }

    /** Tab starts from the top again, as on a page just loaded (the keyboard checks expect it), not from the field typed in. */
    private static void fromTheTop(Browser b) {
        b.script("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');");
    }

    private static void signIn(Browser b, String base, String username) {
        b.open(base + "/login");
        b.find("#j_username").sendKeys(username);
        b.find("#j_password").sendKeys(PASSWORD);
        b.follow(b.find("main form button[type=submit]"));
    }

    private static void waitFor(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException notYet) {
                // the element is being replaced
            }
            Browser.sleep(100);
        }
        Assertions.fail("Waited 40 s for " + what);
    }
}
