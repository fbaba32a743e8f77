package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import media.icaro.news.browser.Browser.Scheme;
import media.icaro.news.browser.Browser.Viewport;

/**
 * The harness finds what it looks for: a clean page passing proves little if axe, the viewport
 * or the colour scheme were not really applied. Runs on data: pages, without the application.
 */
class HarnessSelfTest {

    static Browser browser;

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
    void axeReportsALowContrastTextAndAnUnlabelledInput() {
        Axe.source();
        browser.open("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main>"
                + "<p style='color:%23bbb;background:%23fff'>Faint text</p><input type=text></main></html>");
        List<String> found = Axe.seriousViolations(browser, "self-test");
        assertTrue(found.stream().anyMatch(line -> line.startsWith("axe color-contrast (serious")), String.valueOf(found));
        assertTrue(found.stream().anyMatch(line -> line.startsWith("axe label (critical")), String.valueOf(found));
    }

    @Test
    void viewportAndSchemeAreTheEmulatedOnes() {
        browser.open("data:text/html,<!DOCTYPE html><meta name=viewport content='width=device-width'><title>t</title>");
        browser.apply(Viewport.PHONE, Scheme.DARK);
        assertEquals(390L, browser.script("return window.innerWidth;"));
        assertEquals(Boolean.TRUE, browser.script("return matchMedia('(prefers-color-scheme: dark)').matches;"));
        browser.media("print");
        assertEquals(Boolean.TRUE, browser.script("return matchMedia('print').matches;"));
        browser.apply(Viewport.DESKTOP, Scheme.LIGHT);
        assertEquals(1280L, browser.script("return window.innerWidth;"));
        assertEquals(Boolean.TRUE, browser.script("return matchMedia('(prefers-color-scheme: light)').matches;"));
    }
}
