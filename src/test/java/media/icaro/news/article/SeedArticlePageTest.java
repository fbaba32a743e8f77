package media.icaro.news.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/**
 * The seed story reads on its page exactly as in the wire copy (a verbatim copy lives in
 * src/test/resources/seed). Only HTTP: {@code SeedArticlePageIT} runs it against the packaged jar.
 */
@QuarkusTest
class SeedArticlePageTest {

    static final String URL = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    static String headline;
    static List<String> bodyParagraphs;
    static String disclaimer;

    @BeforeAll
    static void readWireCopy() throws IOException {
        try (InputStream in = SeedArticlePageTest.class.getResourceAsStream("/seed/icaro-putin-north-korea.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> blocks = Arrays.stream(text.split("\n\\s*\n")).map(String::strip).toList();
            headline = blocks.get(0);
            assertEquals("ICARO Media Group\nPolitics\n18/06/2024 19h15", blocks.get(1));
            bodyParagraphs = blocks.subList(2, 12);
            disclaimer = blocks.get(12);
            assertEquals("Related", blocks.get(13));
        }
    }

    @Test
    void showsTheStoryExactlyAsTheWireCopy() {
        Document page = TestContent.page(URL);
        Element article = page.selectFirst("main article");
        assertEquals(headline, article.selectFirst("h1").text());
        assertEquals(headline + " | ICARO Media Group", page.title());

        Element byline = article.selectFirst(".byline");
        assertEquals("By ICARO Media Group", byline.text());
        assertEquals("ICARO Media Group", byline.selectFirst("a").text());
        assertEquals("/author/icaro-media-group", byline.selectFirst("a").attr("href"));

        // The section is the kicker right above the headline (issue 12), the rest in the wire copy's order.
        Element section = article.selectFirst("header > .kicker:first-child a");
        assertEquals("Politics", section.text());
        assertEquals("/politics", section.attr("href"));

        Element time = article.selectFirst(".dateline time");
        assertEquals("18/06/2024 19h15", time.text());
        assertEquals("2024-06-18T19:15:00+02:00", time.attr("datetime"));
        assertNull(article.selectFirst(".updated"), "never updated");
        assertNull(article.selectFirst(".standfirst"), "the wire copy has no standfirst");

        List<String> paragraphs = article.select(".article-body > p").eachText();
        assertEquals(10, paragraphs.size());
        assertEquals(bodyParagraphs, paragraphs);

        Element aside = article.selectFirst("aside.disclaimer");
        assertEquals(disclaimer, aside.text());
    }

    @Test
    void readsInTheWireCopysOrder() {
        Document page = TestContent.page(URL);
        String text = page.selectFirst("main").text();
        String header = page.selectFirst("main article header").text();
        assertTrue(header.startsWith("Politics " + headline), header);
        int[] positions = {
                text.indexOf(headline),
                text.indexOf("ICARO Media Group"),
                text.indexOf("18/06/2024 19h15"),
                text.indexOf(bodyParagraphs.get(0)),
                text.indexOf(bodyParagraphs.get(9)),
                text.indexOf(disclaimer),
                text.indexOf("Related") };
        for (int i = 1; i < positions.length; i++) {
            assertTrue(positions[i - 1] >= 0 && positions[i - 1] < positions[i], "out of order at " + i + ": " + Arrays.toString(positions));
        }
    }

    @Test
    void relatedBlockLinksLiveStoriesWithTheirSectionAndDateNotTheScorersReasons() {
        Document page = TestContent.page(URL);
        Element related = page.selectFirst("aside.related");
        assertEquals("Related", related.selectFirst("h2").text());
        assertNotNull(related.closest(".article-rail"), "Related sits in the article's rail");
        Elements items = related.select("li");
        assertTrue(items.size() >= 3 && items.size() <= 5, "between 3 and 5 related stories: " + items.size());
        for (Element item : items) {
            Element link = item.selectFirst("h3 a");
            String href = link.attr("href");
            assertFalse(href.equals(URL), "never the story itself");
            assertFalse(link.text().isBlank());
            Element meta = item.selectFirst(".card-meta");
            assertTrue(href.startsWith(meta.selectFirst("a").attr("href") + "/"), "the story's own section: " + meta);
            assertFalse(meta.selectFirst("time").attr("datetime").isBlank());
            assertFalse(item.text().contains("Similar") || item.text().contains("Shared topic"), "no scorer's workings: " + item.text());
            Document target = TestContent.page(href);
            assertEquals(link.text(), target.selectFirst("h1").text());
        }
        // The best match shares the rarest topics; readers see the rarest one named.
        assertTrue(items.get(0).selectFirst(".related-label").text().startsWith("More on "), items.get(0).text());
    }

    @Test
    void pageHasTheLayoutAndMetadata() {
        Document page = TestContent.page(URL);
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("#main", page.selectFirst("a.skip-link").attr("href"));
        assertNotNull(page.selectFirst("main#main"));
        assertNotNull(page.selectFirst("header nav[aria-label=Sections] a[href=/politics]"));
        assertNotNull(page.selectFirst("footer"));
        assertTrue(page.selectFirst("link[rel=canonical]").attr("href").endsWith(URL));
        assertTrue(page.selectFirst("meta[name=description]").attr("content").startsWith("President Vladimir Putin of Russia"));
        assertTrue(page.select("script:not([type=application/ld+json])").isEmpty(), "no JavaScript needed");
        List<String> tags = page.select(".article-tags a").eachText();
        assertTrue(tags.containsAll(List.of("Russia", "North Korea", "Kim Jong Un")), tags.toString());
    }

    @Test
    void wrongDateOrSectionRedirectsPermanently() {
        for (String wrong : List.of(
                "/politics/2024/06/17/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un",
                "/world/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un",
                "/culture/2023/01/01/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un")) {
            given().redirects().follow(false).get(wrong)
                    .then().statusCode(301).header("Location", org.hamcrest.Matchers.endsWith(URL));
        }
    }

    @Test
    void securityHeadersAreSent() {
        given().get(URL).then().statusCode(200)
                .header("Content-Type", "text/html;charset=UTF-8")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("X-Frame-Options", "DENY");
    }
}
