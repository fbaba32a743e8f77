package media.icaro.news.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyRendererTest {

    final BodyRenderer renderer = new BodyRenderer();

    @Test
    void rendersMarkdown() {
        Document html = Jsoup.parseBodyFragment(renderer.toHtml("""
                ## A subheading

                Some *emphasis*, **strength** and a [link](https://example.org/a?b=c).

                - one
                - two

                > A quotation
                """));
        assertEquals("A subheading", html.selectFirst("h2").text());
        assertEquals("emphasis", html.selectFirst("em").text());
        assertEquals("strength", html.selectFirst("strong").text());
        Element link = html.selectFirst("a");
        assertEquals("https://example.org/a?b=c", link.attr("href"));
        assertEquals(2, html.select("ul > li").size());
        assertEquals("A quotation", html.selectFirst("blockquote").text());
    }

    @Test
    void neutralisesHostileMarkdown() {
        String hostile = """
                Hello <script>alert('x')</script> world

                <img src="https://example.org/a.png" onerror="alert(1)" alt="pic">

                [click](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)" onclick="alert(3)">this</a>

                <div onmouseover="alert(4)" style="position:fixed">boxed</div>

                <iframe src="https://evil.example"></iframe><object data="x"></object>

                [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                """;
        String html = renderer.toHtml(hostile);
        Document doc = Jsoup.parseBodyFragment(html);
        assertTrue(doc.select("script, iframe, object, style").isEmpty(), html);
        doc.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
            assertFalse(attribute.getKey().toLowerCase().startsWith("on"), "event handler survived: " + html);
            assertFalse(attribute.getKey().equals("style"), "style survived: " + html);
            assertFalse(attribute.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:"), html);
            assertFalse(attribute.getValue().toLowerCase().startsWith("data:"), html);
        }));
        assertFalse(html.toLowerCase().contains("alert(1)\""), html);
        assertTrue(doc.text().contains("Hello"), "text around removed markup stays: " + html);
        assertTrue(doc.text().contains("boxed"), html);
    }

    @Test
    void summaryIsTheFirstParagraphAsPlainText() {
        assertEquals("First paragraph, with a link.", renderer.summary("## Heading\n\nFirst *paragraph*, with [a link](https://x.org).\n\nSecond."));
        String longText = "word ".repeat(100);
        String summary = renderer.summary(longText);
        assertTrue(summary.length() <= 200 && summary.endsWith("…"), summary);
    }
}
