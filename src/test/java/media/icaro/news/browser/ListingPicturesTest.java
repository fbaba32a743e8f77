package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.browser.Browser.Scheme;
import media.icaro.news.browser.Browser.Viewport;

/**
 * A listing with thumbnails in a real browser: each picture loads (lazily, once scrolled to), in a small
 * version rather than its original, in the room its width and height kept for it, at a phone's width and
 * a desktop's; and the page passes every check of {@link PageChecks}.
 */
@QuarkusTest
class ListingPicturesTest {

    static final String SECTION = "br-pictures";
    static final Instant START = Instant.parse("2023-11-06T09:00:00Z");

    /** Each picture's rendered box, and what the browser loaded for it. */
    static final String PICTURES = """
            return Array.from(document.querySelectorAll('img.card-picture')).map(function (img) {
              var r = img.getBoundingClientRect();
              return { src: img.currentSrc, complete: img.complete, natural: img.naturalWidth, width: r.width, height: r.height };
            });
            """;

    static Browser browser;

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        browser = Browser.start(true);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSectionShowsEveryThumbnailLoadedAtAPhonesWidthAndADesktops() {
        content.section(SECTION);
        content.publish(SECTION, "Br pictures: a story without a picture", START);
        int[][] sizes = { { 1600, 900 }, { 800, 1000 }, { 1200, 800 }, { 2400, 1600 } };
        for (int i = 0; i < sizes.length; i++) {
            content.publishWithPicture(SECTION, "Br pictures: story " + i + " with a picture", START.plus(i + 1, ChronoUnit.HOURS),
                    sizes[i][0], sizes[i][1], "Picture number " + i);
        }
        content.settle();
        String page = root.toString().replaceAll("/$", "") + "/" + SECTION;

        for (Viewport viewport : Viewport.BOTH) {
            browser.apply(viewport, Scheme.LIGHT);
            browser.open(page);
            List<Map<String, Object>> pictures = loadedPictures();
            // The newest leads the section's page with its picture; the others are listed with thumbnails.
            assertEquals(sizes.length - 1, pictures.size(), "one thumbnail per listed pictured story at " + viewport);
            assertTrue((Boolean) browser.script("var i = document.querySelector('.lead-story img.lead-picture');"
                    + " return i !== null && i.complete && i.naturalWidth > 0;"), "the lead's picture loaded at " + viewport);
            for (Map<String, Object> picture : pictures) {
                String where = picture + " at " + viewport;
                assertTrue(((Number) picture.get("natural")).intValue() > 0, "loaded: " + where);
                assertTrue(String.valueOf(picture.get("src")).matches(".*/media/\\d+/320"), "the smallest version: " + where);
                double width = ((Number) picture.get("width")).doubleValue();
                double height = ((Number) picture.get("height")).doubleValue();
                assertEquals(viewport.mobile() ? 120 : 160, width, 1, "a thumbnail's width: " + where);
                assertEquals(width * 2 / 3, height, 1, "cropped to 3:2 whatever its shape: " + where);
            }
        }

        browser.apply(Viewport.DESKTOP, Scheme.LIGHT);
        browser.open(page);
        PageChecks checks = new PageChecks(browser, "pictures");
        checks.check("section-with-thumbnails");
        checks.assertClean();
    }

    @Test
    void theFrontPageLeadsWithItsPictureAndTheArticleOpensWithIt() {
        content.section(SECTION);
        // Newer than every other story, so that it leads, until it is unpublished below.
        ArticleView lead = content.publishWithPicture(SECTION, "Br pictures: a lead story with a wide picture",
                Instant.now().minusSeconds(30), 2400, 1350, "A wide view of the harbour");
        try {
            content.settle();
            String base = root.toString().replaceAll("/$", "");
            PageChecks checks = new PageChecks(browser, "pictures-front");
            for (Viewport viewport : Viewport.BOTH) {
                browser.apply(viewport, Scheme.LIGHT);
                browser.open(base + "/");
                Map<?, ?> picture = (Map<?, ?>) browser.driver.executeAsyncScript(LOADED_AT_ONCE, browser.find(".lead-story img.lead-picture"));
                assertTrue(((Number) picture.get("natural")).intValue() > 0, "the lead's picture loads without scrolling: " + picture);
                assertFalse("lazy".equals(picture.get("loading")), "never lazy: " + picture);
                assertTrue(String.valueOf(picture.get("src")).matches(".*/media/\\d+/(320|640|1024)"),
                        "a version as wide as the lead shows it: " + picture + " at " + viewport);
            }
            browser.apply(Viewport.DESKTOP, Scheme.LIGHT);
            browser.open(base + "/");
            checks.check("front-with-lead-picture");

            browser.open(base + lead.url());
            Map<?, ?> main = (Map<?, ?>) browser.driver.executeAsyncScript(LOADED_AT_ONCE, browser.find("figure.feature-image img"));
            assertTrue(((Number) main.get("natural")).intValue() > 0, "the article's picture: " + main);
            assertTrue(String.valueOf(main.get("src")).matches(".*/media/\\d+/(640|1024)"), "not the 2,400 pixel original: " + main);
            checks.check("article-with-picture");
            checks.assertClean();
        } finally {
            editorial.unpublish(lead.id(), Editor.SYSTEM);
        }
    }

    /** Waits until the picture has loaded; what the browser chose for it, and whether it loads lazily. */
    static final String LOADED_AT_ONCE = """
            var img = arguments[0];
            var done = arguments[arguments.length - 1];
            function report() { done({ src: img.currentSrc, natural: img.naturalWidth, loading: img.loading }); }
            if (img.complete) { report(); } else { img.addEventListener('load', report); img.addEventListener('error', report); }
            """;

    /** Scrolls each thumbnail into view, as a reader would, and waits until every one has loaded. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> loadedPictures() {
        for (WebElement img : browser.findAll("img.card-picture")) {
            browser.script("arguments[0].scrollIntoView({block: 'center'});", img);
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<Map<String, Object>> pictures;
        do {
            Browser.sleep(50);
            pictures = (List<Map<String, Object>>) browser.script(PICTURES);
        } while (pictures.stream().anyMatch(p -> !Boolean.TRUE.equals(p.get("complete"))) && System.nanoTime() < deadline);
        browser.script("window.scrollTo(0, 0);");
        return pictures;
    }
}
