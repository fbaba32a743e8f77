package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;

/**
 * An editor in a real browser: signs in, writes an article with a feature image (and first gets a
 * blank headline wrong), previews, publishes, sees it live, corrects it and sees the correction.
 * Every newsroom page visited passes the {@link PageChecks}.
 */
@QuarkusTest
class EditorJourneyTest {

    static final String PASSWORD = "br-editor-password-1";
    static final String SECTION = "br-desk";
    private static final AtomicInteger NEXT = new AtomicInteger();
    /** An 8x8 PNG. */
    /** An 8 × 8 grey PNG. (Its pixels must inflate whole: an upload that cannot be decoded is refused.) */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAJElEQVR4XnXIoQ0AAAzDsJze04dCIs3Q7EFDNERDNERDNERDB4LzYAEAAHu7AAAAAElFTkSuQmCC");

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
    void editorWritesPreviewsPublishesAndCorrectsAnArticle() throws IOException {
        journey(browser, "editor");
    }

    /** The same journey without JavaScript: every step works with plain forms and links. */
    @Test
    void theJourneyWorksWithoutJavaScript() throws IOException {
        Browser noScript = Browser.start(false);
        try {
            journey(noScript, "editor-nojs");
        } finally {
            noScript.close();
        }
    }

    private void journey(Browser b, String label) throws IOException {
        Axe.source();
        String username = "br-editor-" + System.nanoTime() % 100000 + "-" + NEXT.incrementAndGet();
        accounts.create(username, "Br Editor", Account.Role.EDITOR, PASSWORD);
        content.section(SECTION);
        String headline = "Br browser test story " + username;
        Path image = Files.createTempDirectory("br-image-").resolve("feature.png");
        Files.write(image, PNG);

        PageChecks pageChecks = new PageChecks(b, label);
        // Without JavaScript axe cannot run: the pages are photographed instead (the journey with it checks them).
        java.util.function.Consumer<String> checks = b.javascript ? pageChecks::check : pageChecks::screenshots;
        String base = root.toString().replaceAll("/$", "");

        b.open(base + "/login");
        checks.accept("login");
        b.find("#j_username").sendKeys(username);
        b.find("#j_password").sendKeys(PASSWORD);
        b.follow(b.find("main form button[type=submit]"));
        assertTrue(b.path().startsWith("/admin"), b.path());
        checks.accept("newsroom-home");

        b.follow(b.find(".newsroom-nav a[href='/admin/articles/new']"));
        checks.accept("new-article");

        // A blank headline: the message sits by the field, and what was typed stays.
        String body = "First paragraph typed in the browser.\n\nSecond paragraph.";
        b.find("#body").sendKeys(body);
        new Select(b.find("#section")).selectByValue(SECTION);
        b.find("#bylines").clear();
        b.find("#bylines").sendKeys("Br Reporter");
        b.find("#tags").sendKeys("Br browser tests");
        b.follow(b.find(".actions button[value=save]"));
        WebElement error = b.find("#headline-error");
        assertTrue(error.getText().contains(b.find(".error-summary li").getText()), error.getText());
        assertEquals(b.find("#headline").findElement(org.openqa.selenium.By.xpath("..")),
                error.findElement(org.openqa.selenium.By.xpath("..")), "the message is in the headline's field");
        assertEquals("true", b.find("#headline").getAttribute("aria-invalid"));
        assertEquals(body, b.find("#body").getAttribute("value").replace("\r\n", "\n"), "the body is kept");
        assertEquals(SECTION, new Select(b.find("#section")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("Br Reporter", b.find("#bylines").getAttribute("value"));
        checks.accept("new-article-error");

        // Fill it in, with a feature image and a date before April 2024 (FirstStartTest counts what is newer as demo content), and preview.
        b.find("#headline").sendKeys(headline);
        b.find("#image").sendKeys(image.toAbsolutePath().toString());
        b.find("#standfirst").sendKeys("What the browser test wrote.");
        b.find("#imageAlt").sendKeys("A small grey square");
        b.find("#imageCaption").sendKeys("The test image");
        if (b.javascript) {
            b.script("arguments[0].value = '2024-03-20T09:30';", b.find("#publishedAt"));
        }
        b.follow(b.find(".actions button[value=preview]"));
        assertTrue(b.path().matches("/admin/articles/\\d+/preview"), b.path());
        assertEquals(headline, b.find("h1.headline").getText());
        assertTrue(b.find(".preview-bar").getText().contains("Draft: readers cannot see it."));
        assertEquals("A small grey square", b.find(".feature-image img").getAttribute("alt"));
        checks.accept("preview");
        String edit = b.path().replace("/preview", "");

        // Publish from the preview's bar (create, preview, publish: three page loads), and read it live.
        b.follow(b.find(".preview-bar button[type=submit]"));
        assertEquals("Published: the article is live.", b.find(".notice").getText());
        checks.accept("published");
        b.follow(b.find(".article-status a[href^='/" + SECTION + "/" + (b.javascript ? "2024/03/20/" : "") + "']"));
        assertEquals(headline, b.find("h1.headline").getText());
        assertTrue(b.find(".article-body").getText().contains("First paragraph typed in the browser."));
        if (b.javascript) {
            assertTrue((Boolean) b.script("return arguments[0].complete && arguments[0].naturalWidth === 8;",
                    b.find(".feature-image img")), "the feature image loads");
        }
        assertTrue(b.findAll(".corrections").isEmpty());
        assertTrue(b.findAll(".dateline .updated").isEmpty());
        checks.accept("live-article");
        String live = b.path();

        // A correction: the page shows it and says "Updated".
        b.open(base + edit);
        b.find("#note").sendKeys("An earlier version misspelt the headline.");
        b.follow(b.find("form[action$='/corrections'] button[type=submit]"));
        assertTrue(b.path().startsWith(edit + "?done="), b.path());
        checks.accept("corrected");
        b.open(base + live);
        assertTrue(b.find(".corrections").getText().contains("An earlier version misspelt the headline."));
        assertTrue(b.find(".dateline .updated").getText().startsWith("Updated"));
        assertFalse(b.find(".dateline .updated time").getAttribute("datetime").isBlank());
        checks.accept("live-article-corrected");

        // Editing the live story: the change waits as a working copy, previews, and goes live only on "Update live".
        b.open(base + edit);
        b.find("#body").sendKeys("\n\nA third paragraph, added while the story was live.");
        b.follow(b.find(".actions button[value=preview]"));
        assertTrue(b.find(".article-body").getText().contains("A third paragraph"), "the preview shows the change");
        assertTrue(b.find(".preview-bar").getText().contains("Readers still see the live version"));
        checks.accept("preview-working-copy");
        String previewed = b.path();
        b.open(base + edit + "/discard");
        assertEquals("Discard the working copy?", b.find("h1").getText());
        checks.accept("discard-question");
        b.open(base + live);
        assertFalse(b.find(".article-body").getText().contains("A third paragraph"), "readers do not see it yet");
        b.open(base + previewed);
        assertEquals("Update live", b.find(".preview-bar button[type=submit]").getText());
        b.follow(b.find(".preview-bar button[type=submit]"));
        assertEquals("Published: the article is live.", b.find(".notice").getText());
        b.open(base + live);
        assertTrue(b.find(".article-body").getText().contains("A third paragraph"), "live after Update live");

        // Unpublishing asks first; cancelling changes nothing.
        b.open(base + edit);
        b.follow(b.find(".form-bar a[href$='/unpublish']"));
        assertEquals("Unpublish this article?", b.find("h1").getText());
        checks.accept("unpublish-question");
        b.follow(b.find("form.confirm-actions a"));
        assertEquals(edit, b.path());
        if (!b.javascript) {
            // Without the script the date field could not be set: this story is dated today, and tests that
            // count the newest stories must not find it, so it comes down again (the question's other answer).
            b.follow(b.find(".form-bar a[href$='/unpublish']"));
            b.follow(b.find("form.confirm-actions button[type=submit]"));
            assertEquals("Unpublished: readers no longer see it.", b.find(".notice").getText());
        }

        // The first revision, opened from the History: read-only, beside the article now.
        b.open(base + edit);
        List<WebElement> revisions = b.findAll("ol.history a.history-show");
        b.follow(revisions.get(revisions.size() - 1));
        assertTrue(b.find("h1").getText().startsWith("Revision of "), b.find("h1").getText());
        checks.accept("revision");

        if (b.javascript) {
            pageChecks.assertClean();
        }
    }
}
