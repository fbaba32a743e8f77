package media.icaro.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** Screen-reader users move by headings: every reader page has one h1 and never skips a level going down. */
@QuarkusTest
public class HeadingOutlineTest {

    @Test
    void listingsAndTheFrontPageNeverSkipAHeadingLevel() {
        for (String path : List.of("/", "/politics", "/tag/north-korea", "/author/icaro-media-group", "/search?q=Putin", "/about",
                "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un")) {
            assertOutline(TestContent.page(path), path);
        }
    }

    /** One h1, first, and no heading more than one level below the one before it. */
    public static void assertOutline(Document page, String path) {
        List<Element> headings = page.select("h1, h2, h3, h4, h5, h6");
        assertEquals(1, page.select("h1").size(), path);
        assertEquals("h1", headings.get(0).tagName(), path);
        int previous = 1;
        for (Element heading : headings) {
            int level = heading.tagName().charAt(1) - '0';
            assertTrue(level <= previous + 1, path + ": <" + heading.tagName() + "> " + heading.text() + " after h" + previous);
            previous = level;
        }
    }
}
