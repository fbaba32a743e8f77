package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.browser.Browser.Scheme;
import media.icaro.news.browser.Browser.Viewport;

/** The seed article printed: the story, without the site's navigation, footer, search or related stories. */
@QuarkusTest
class PrintTest {

    static Browser browser;

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
    void anArticlePrintsWithoutTheSiteAroundIt() {
        Browser b = browser;
        b.open(root.toString().replaceAll("/$", "") + "/");
        b.follow(b.driver.findElement(By.partialLinkText("Putin Arrives in North Korea for Summit")));
        List<String> problems = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
            b.apply(Viewport.DESKTOP, scheme);
            b.media("print");
            b.screenshot("print", "article-seed-print-" + scheme.name().toLowerCase());
            for (String hidden : List.of(".skip-link", ".site-nav", ".site-footer", ".search-form", ".related", ".article-tags")) {
                for (var element : b.findAll(hidden)) {
                    String display = element.getCssValue("display");
                    if (!"none".equals(display)) {
                        problems.add(hidden + " shows in print (" + scheme.name().toLowerCase() + "), display: " + display);
                    }
                }
            }
            for (String shown : List.of("h1.headline", ".article-body", ".article-body p")) {
                var element = b.find(shown);
                if (!element.isDisplayed() || "none".equals(element.getCssValue("display"))
                        || !"visible".equals(element.getCssValue("visibility")) || element.getRect().getHeight() == 0) {
                    problems.add(shown + " is not visible in print (" + scheme.name().toLowerCase() + ")");
                }
            }
            String text = b.find("h1.headline").getCssValue("color");
            if (!text.equals("rgba(0, 0, 0, 1)") && !text.equals("rgb(0, 0, 0)")) {
                problems.add("the printed headline is " + text + ", not black (" + scheme.name().toLowerCase() + ")");
            }
        }
        b.apply(Viewport.DESKTOP, Scheme.LIGHT);
        assertEquals(ReaderJourneyTest.SEED, b.find("h1.headline").getText());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
