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
        Axe.source();
        String username = "br-editor-" + System.nanoTime() % 100000 + "-" + NEXT.incrementAndGet();
        accounts.create(username, "Br Editor", Account.Role.EDITOR, PASSWORD);
        content.section(SECTION);
        String headline = "Br browser test story " + username;
        Path image = Files.createTempDirectory("br-image-").resolve("feature.png");
        Files.write(image, PNG);

        Browser b = browser;
        PageChecks checks = new PageChecks(b, "editor");
        String base = root.toString().replaceAll("/$", "");

        b.open(base + "/login");
        checks.check("login");
        b.find("#j_username").sendKeys(username);
        b.find("#j_password").sendKeys(PASSWORD);
        b.follow(b.find("main form button[type=submit]"));
        assertTrue(b.path().startsWith("/admin"), b.path());
        checks.check("newsroom-home");

        b.follow(b.find(".newsroom-nav a[href='/admin/articles/new']"));
        checks.check("new-article");

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
        checks.check("new-article-error");

        // Fill it in, with a feature image and a date before April 2024 (FirstStartTest counts what is newer as demo content), and preview.
        b.find("#headline").sendKeys(headline);
        b.find("#image").sendKeys(image.toAbsolutePath().toString());
        b.find("#standfirst").sendKeys("What the browser test wrote.");
        b.find("#imageAlt").sendKeys("A small grey square");
        b.find("#imageCaption").sendKeys("The test image");
        b.script("arguments[0].value = '2024-03-20T09:30';", b.find("#publishedAt"));
        b.follow(b.find(".actions button[value=preview]"));
        assertTrue(b.path().matches("/admin/articles/\\d+/preview"), b.path());
        assertEquals(headline, b.find("h1.headline").getText());
        assertTrue(b.find(".preview-banner").isDisplayed());
        assertEquals("A small grey square", b.find(".feature-image img").getAttribute("alt"));
        checks.check("preview");
        String edit = b.path().replace("/preview", "");

        // Publish, and read it live.
        b.open(base + edit);
        b.follow(b.find(".actions button[value=publish]"));
        assertTrue(b.find(".notice").isDisplayed());
        checks.check("published");
        b.follow(b.find(".article-status a[href^='/" + SECTION + "/2024/03/20/']"));
        assertEquals(headline, b.find("h1.headline").getText());
        assertTrue(b.find(".article-body").getText().contains("First paragraph typed in the browser."));
        assertTrue((Boolean) b.script("return arguments[0].complete && arguments[0].naturalWidth === 8;",
                b.find(".feature-image img")), "the feature image loads");
        assertTrue(b.findAll(".corrections").isEmpty());
        assertTrue(b.findAll(".dateline .updated").isEmpty());
        checks.check("live-article");
        String live = b.path();

        // A correction: the page shows it and says "Updated".
        b.open(base + edit);
        b.find("#note").sendKeys("An earlier version misspelt the headline.");
        b.follow(b.find("form[action$='/corrections'] button[type=submit]"));
        assertTrue(b.path().startsWith(edit + "?done="), b.path());
        checks.check("corrected");
        b.open(base + live);
        assertTrue(b.find(".corrections").getText().contains("An earlier version misspelt the headline."));
        assertTrue(b.find(".dateline .updated").getText().startsWith("Updated"));
        assertFalse(b.find(".dateline .updated time").getAttribute("datetime").isBlank());
        checks.check("live-article-corrected");

        // The first revision, opened from the History: read-only, beside the article now.
        b.open(base + edit);
        List<WebElement> revisions = b.findAll("ol.history a.history-show");
        b.follow(revisions.get(revisions.size() - 1));
        assertTrue(b.find("h1").getText().startsWith("Revision of "), b.find("h1").getText());
        checks.check("revision");

        checks.assertClean();
    }
}
