package media.icaro.news.feed;

import static media.icaro.news.feed.Xml.CONTENT;
import static media.icaro.news.feed.Xml.DC;
import static media.icaro.news.feed.Xml.NONE;
import static media.icaro.news.feed.Xml.child;
import static media.icaro.news.feed.Xml.children;
import static media.icaro.news.feed.Xml.text;
import static media.icaro.news.feed.Xml.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.section.SectionService;

/**
 * Feeds read as a feed reader reads them: XML first, then {@code description} and
 * {@code content:encoded} as HTML. Whatever markup an editor types into a plain-text field reads as
 * the text typed, and the body keeps only the sanitiser's elements and attributes.
 */
@QuarkusTest
class FeedMarkupTest {

    static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>",
            "<script>alert(2)</script>",
            "<iframe srcdoc=\"<script>alert(3)</script>\"></iframe>",
            "<base href=\"https://evil.example/\">",
            "<a href=\"javascript:alert(4)\">click</a>",
            "<svg onload=alert(5)>",
            "&lt;b&gt;typed as entities&lt;/b&gt; &amp; more",
            "]]><script>alert(6)</script><![CDATA[",
            "<style>body { display: none }</style>",
            "\"'><math><mtext><img src=x onerror=alert(7)>");

    static final String SECTION = "feed-hostile";
    static final String SECTION_NAME = "<img src=x onerror=alert(8)> News";
    static final String SECTION_DESCRIPTION = "<script>alert(9)</script> & <iframe src=\"https://evil.example/\"></iframe>";
    static final String TAG = "feed-hostile-tag";

    /** What a sanitised body may hold, as the article page prints it. */
    static final Set<String> SAFE_ELEMENTS = Set.of("p", "a", "img", "em", "strong", "b", "i", "u", "s", "del", "sup", "sub",
            "br", "hr", "pre", "code", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
            "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "big", "small", "tt", "strike");
    static final Set<String> SAFE_ATTRIBUTES = Set.of("href", "src", "alt", "title", "rel", "class");

    @Inject
    TestContent content;

    @Inject
    SectionService sections;

    @Inject
    EditorialService editorial;

    /**
     * The stories are fresh, to be in the site's feed, and unpublished again at the end: other test
     * classes expect the seed to be the newest story.
     */
    @Test
    void typedMarkupReadsAsTextInTheSiteSectionAndTagFeeds() {
        List<Long> ids = new ArrayList<>();
        try {
            fill(ids);
            for (String path : List.of("/feed.xml", "/" + SECTION + "/feed.xml", "/tag/" + TAG + "/feed.xml")) {
                org.w3c.dom.Element channel = channel(path);
                for (int i = 0; i < HOSTILE.size(); i++) {
                    String h = HOSTILE.get(i);
                    org.w3c.dom.Element item = item(channel, headline(i), path);
                    assertEquals(h, textOfHtml(text(item, NONE, "description")), path + ": description of " + i);
                    assertTrue(texts(item, NONE, "category").containsAll(List.of(SECTION_NAME, h + " tag")), path);
                    assertEquals(List.of(h + " Writer"), texts(item, DC, "creator"), path);
                    assertSafeHtml(text(item, CONTENT, "encoded"), path + ": body of " + i);
                }
                org.w3c.dom.Element summary = item(channel, "Hostile summary", path);
                assertEquals("<img src=x onerror=alert(10)> and raw text", textOfHtml(text(summary, NONE, "description")), path);
            }
            org.w3c.dom.Element section = channel("/" + SECTION + "/feed.xml");
            assertEquals(SECTION_NAME + " | ICARO Media Group", text(section, NONE, "title"));
            assertEquals(SECTION_DESCRIPTION, textOfHtml(text(section, NONE, "description")));
            assertFalse(textOfHtml(text(channel("/feed.xml"), NONE, "description")).isBlank());
        } finally {
            ids.forEach(id -> editorial.unpublish(id, Editor.SYSTEM));
        }
    }

    private void fill(List<Long> ids) {
        if (sections.findBySlug(SECTION).isEmpty()) {
            sections.create(SECTION, SECTION_NAME, SECTION_DESCRIPTION);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < HOSTILE.size(); i++) {
            String h = HOSTILE.get(i);
            ArticleView article = content.create(TestContent.story(SECTION, headline(i), now.minusSeconds(60 + i)).standfirst(h)
                    .body(h + "\n\nSecond paragraph " + h).bylines(List.of(h + " Writer")).tags(List.of(TAG, h + " tag"))
                    .disclaimerMode(Article.DisclaimerMode.CUSTOM).disclaimerText(h).source(h).build(),
                    EditorialService.Action.PUBLISH);
            ids.add(article.id());
            editorial.correct(article.id(), h, Editor.SYSTEM);
        }
        // Without a standfirst, the description is the body's first paragraph as text.
        ids.add(content.create(TestContent.story(SECTION, "Hostile summary", now.minusSeconds(30))
                .body("&lt;img src=x onerror=alert(10)&gt; and <b>raw</b> text").bylines(List.of()).tags(List.of(TAG)).build(), EditorialService.Action.PUBLISH).id());
    }

    static String headline(int i) {
        return "Hostile " + i + " " + HOSTILE.get(i);
    }

    /** The text of an HTML fragment that must hold no element at all. */
    static String textOfHtml(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        assertTrue(body.children().isEmpty(), "no markup: " + html);
        return body.wholeText();
    }

    static void assertSafeHtml(String html, String what) {
        for (Element element : Jsoup.parseBodyFragment(html).body().select("*")) {
            if (element.tagName().equals("body")) {
                continue;
            }
            assertTrue(SAFE_ELEMENTS.contains(element.tagName()), what + ": <" + element.tagName() + "> in " + html);
            for (Attribute attribute : element.attributes()) {
                assertTrue(SAFE_ATTRIBUTES.contains(attribute.getKey()), what + ": " + attribute + " in " + html);
                assertFalse(attribute.getValue().strip().toLowerCase().startsWith("javascript:"), what + ": " + attribute);
            }
        }
    }

    private static org.w3c.dom.Element channel(String path) {
        return child(Xml.get(path, "application/rss+xml").getDocumentElement(), NONE, "channel");
    }

    private static org.w3c.dom.Element item(org.w3c.dom.Element channel, String title, String path) {
        return children(channel, NONE, "item").stream().filter(i -> title.equals(text(i, NONE, "title"))).findFirst()
                .orElseThrow(() -> new AssertionError(path + " has no item " + title));
    }
}
