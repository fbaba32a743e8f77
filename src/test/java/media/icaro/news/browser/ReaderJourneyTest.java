package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/**
 * A reader's way through the site in a real browser: front page, a section, the seed article, a
 * related story, one of its topics, a search from the header, and an older page of a long section;
 * once with JavaScript (and every check of {@link PageChecks} on every page), once without.
 */
@QuarkusTest
class ReaderJourneyTest {

    static final String SEED = "Russia's Putin Arrives in North Korea for Summit with Kim Jong Un";
    /** A section of this class's own, long enough for an "Older" page, dated before the seed story. */
    static final String ARCHIVE = "br-archive";
    static final Instant START = Instant.parse("2024-01-08T09:00:00Z");
    static final int STORIES = 23;

    static Browser withScript;
    static Browser withoutScript;
    static boolean filled;

    @Inject
    TestContent content;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void browsers() {
        Browser.assumeAvailable();
        withScript = Browser.start(true);
        withoutScript = Browser.start(false);
    }

    @AfterAll
    static void close() {
        for (Browser browser : new Browser[] { withScript, withoutScript }) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @BeforeEach
    void archive() {
        if (!filled) {
            content.section(ARCHIVE);
            for (int i = 0; i < STORIES; i++) {
                content.publish(ARCHIVE, "Br archive story " + i, START.plus(i, ChronoUnit.DAYS), "Br archive");
            }
            content.settle();
            filled = true;
        }
    }

    @Test
    void readerJourneyPassesTheChecksOnEveryPage() {
        Axe.source();
        PageChecks checks = new PageChecks(withScript, "reader");
        walk(withScript, checks::check);
        checks.assertClean();
    }

    @Test
    void readerJourneyWorksWithoutJavaScript() {
        withoutScript.open("data:text/html,<title>off</title><script>document.title='on'</script>");
        assertEquals("off", withoutScript.driver.getTitle(), "this browser runs no scripts");
        PageChecks screenshots = new PageChecks(withoutScript, "reader-no-js");
        walk(withoutScript, screenshots::screenshots);
    }

    /** The journey itself, by clicking real links and submitting the real form; {@code atPage} runs on each page. */
    private void walk(Browser b, Consumer<String> atPage) {
        String base = root.toString().replaceAll("/$", "");
        b.open(base + "/");
        WebElement rss = b.find("head link[rel=alternate][type='application/rss+xml']");
        assertTrue(rss.getAttribute("href").endsWith("/feed.xml"), rss.getAttribute("href"));
        assertEquals(1, b.findAll("main h1").size(), "the front page has one h1");
        atPage.accept("front");

        b.follow(b.find(".site-nav a[href='/politics']"));
        assertEquals("/politics", b.path());
        assertEquals("Politics", b.find("main h1").getText());
        atPage.accept("section-politics");

        b.follow(b.driver.findElement(By.partialLinkText("Putin Arrives in North Korea for Summit")));
        assertEquals(SEED, b.find("h1.headline").getText());
        assertFalse(b.findAll(".article-body p").isEmpty(), "the body is there");
        atPage.accept("article-seed");

        WebElement related = b.find(".related li h3 a");
        String relatedHeadline = related.getText();
        b.follow(related);
        assertEquals(relatedHeadline, b.find("h1.headline").getText());
        atPage.accept("article-related");

        WebElement topic = b.find(".article-tags a[rel=tag]");
        String tag = topic.getText();
        b.follow(topic);
        assertEquals(tag, b.find("main h1").getText());
        assertTrue(b.path().startsWith("/tag/"), b.path());
        atPage.accept("tag");

        WebElement box = b.find(".site-header input[name=q]");
        box.sendKeys("Vostochny");
        b.follow(b.find(".site-header .search-form button[type=submit]"));
        assertEquals("/search?q=Vostochny", b.path());
        assertEquals(SEED, b.find(".search-results li .card-headline a").getText(), "the seed story comes first");
        atPage.accept("search");

        b.follow(b.find(".site-nav a[href='/" + ARCHIVE + "']"));
        assertEquals("Br archive story " + (STORIES - 1), b.find(".lead-story .lead-headline a").getText(), "the newest leads");
        assertEquals("Br archive story " + (STORIES - 2), b.find(".story-list .card-headline a").getText());
        b.follow(b.find(".pager a[rel=next]"));
        assertTrue(b.path().startsWith("/" + ARCHIVE + "?before="), b.path());
        assertNotEquals(0, b.findAll(".story-list li").size());
        assertEquals("Br archive story " + (STORIES - 21), b.find(".story-list .card-headline a").getText(),
                "the older page starts after the first 20");
        assertFalse(b.findAll(".pager a[rel=prev]").isEmpty(), "and links back to newer stories");
        atPage.accept("section-older");
    }
}
