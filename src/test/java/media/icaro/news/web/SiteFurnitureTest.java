package media.icaro.news.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** What frames every story: where the reader is, how long it reads, and how to pass it on without a script. */
@QuarkusTest
class SiteFurnitureTest {

    static final String SEED = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";
    static final String HEADLINE = "Russia's Putin Arrives in North Korea for Summit with Kim Jong Un";

    @Test
    void theNavigationMarksTheCurrentSection() {
        Document section = TestContent.page("/politics");
        assertEquals(List.of("/politics"), section.select(".site-nav a[aria-current=page]").eachAttr("href"));
        Document article = TestContent.page(SEED);
        assertEquals(List.of("/politics"), article.select(".site-nav a[aria-current=true]").eachAttr("href"),
                "a story's section is marked, not as the page itself");
        assertTrue(article.select(".site-nav a[aria-current=page]").isEmpty());
        assertTrue(TestContent.page("/").select(".site-nav a[aria-current]").isEmpty());
        assertTrue(section.select(".footer-nav a[aria-current]").isEmpty(), "the footer repeats the links unmarked");
    }

    @Test
    void aStoryHasBreadcrumbsAKickerAndItsReadingTime() {
        Document page = TestContent.page(SEED);
        Element crumbs = page.selectFirst("nav.breadcrumbs[aria-label=Breadcrumb]");
        assertEquals(List.of("/", "/politics"), crumbs.select("a").eachAttr("href"));
        assertEquals(List.of("Home", "Politics"), crumbs.select("a").eachText());

        Element header = page.selectFirst("main article header");
        assertEquals("kicker", header.child(0).className());
        assertEquals("h1", header.child(1).tagName());

        int words = page.select(".article-body").text().split("\\s+").length;
        String expected = Math.max(1, Math.round(words / 230.0)) + " min read";
        assertEquals(expected, page.selectFirst(".dateline .reading-time").text(), words + " words");
    }

    @Test
    void shareLinksArePlainLinksToTheStorysAddress() {
        Document page = TestContent.page(SEED);
        List<Element> links = page.select("nav.share a");
        assertEquals(List.of("Email", "Facebook", "X", "LinkedIn", "WhatsApp"), links.stream().map(Element::text).toList());
        String address = page.selectFirst("link[rel=canonical]").attr("href");
        for (Element link : links) {
            String href = link.attr("href");
            assertTrue(href.startsWith("mailto:?") || href.startsWith("https://"), href);
            String query = URI.create(href).getRawQuery() != null ? URI.create(href).getRawQuery() : href.substring(href.indexOf('?') + 1);
            String decoded = URLDecoder.decode(query, StandardCharsets.UTF_8);
            assertTrue(decoded.contains(address), link.text() + " carries the address: " + decoded);
        }
        String mail = links.get(0).attr("href");
        assertTrue(mail.contains("subject=" + HEADLINE.replace(" ", "%20").replace("'", "%27")), mail);
        assertTrue(page.select("script[src], iframe").isEmpty(), "no third-party script or frame");
    }
}
