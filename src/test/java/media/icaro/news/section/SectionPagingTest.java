package media.icaro.news.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** A section of 47 live stories (two share a publication time), a draft and a future story. */
@QuarkusTest
class SectionPagingTest {

    static final Instant START = Instant.parse("2022-01-03T08:00:00Z");
    static final int LIVE = 47;

    @Inject
    TestContent content;

    @BeforeEach
    void fill() {
        if (TestContentState.filled) {
            return;
        }
        content.section("keyset");
        for (int i = 0; i < LIVE - 1; i++) {
            content.publish("keyset", "Keyset story number " + i, START.plus(i * 7L, ChronoUnit.HOURS));
        }
        // Same instant as story 45: the id breaks the tie.
        content.publish("keyset", "Keyset story twin", START.plus(45 * 7L, ChronoUnit.HOURS));
        content.draft("keyset", "Keyset draft", START.plus(1, ChronoUnit.DAYS), List.of());
        content.publish("keyset", "Keyset future story", Instant.now().plus(3, ChronoUnit.DAYS));
        TestContentState.filled = true;
    }

    static class TestContentState {
        static boolean filled;
    }

    @Test
    void olderLinksWalkEveryStoryOnceNewestFirst() {
        List<String> headlines = new ArrayList<>();
        List<OffsetDateTime> dates = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String path = "/keyset";
        while (path != null) {
            Document page = TestContent.page(path);
            // The first page leads with the newest story, then lists the next ones.
            List<Element> stories = page.select(".lead-story .lead, ol.story-list > li");
            pageSizes.add(stories.size());
            for (Element story : stories) {
                headlines.add(story.selectFirst(".card-headline a, .lead-headline a").text());
                dates.add(OffsetDateTime.parse(story.selectFirst("time").attr("datetime")));
            }
            Element older = page.selectFirst(".pager a[rel=next]");
            if (pageSizes.size() > 1) {
                assertNotNull(page.selectFirst(".pager a[rel=prev]"), "pages after the first link to newer stories");
            } else {
                assertNull(page.selectFirst(".pager a[rel=prev]"), "the first page has nothing newer");
            }
            path = older == null ? null : "/keyset" + older.attr("href");
        }
        assertEquals(List.of(20, 20, 7), pageSizes);
        Set<String> unique = new LinkedHashSet<>(headlines);
        assertEquals(LIVE, unique.size(), "every live story exactly once: " + headlines);
        assertFalse(headlines.contains("Keyset draft"));
        assertFalse(headlines.contains("Keyset future story"));
        assertEquals("Keyset story twin", headlines.get(0), "same instant: the later id first");
        assertEquals("Keyset story number 45", headlines.get(1));
        assertEquals("Keyset story number 0", headlines.get(LIVE - 1));
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(dates.get(i).isAfter(dates.get(i - 1)), "newest first at " + i);
        }
    }

    @Test
    void newerLinksWalkBackToTheFirstPage() {
        Document first = TestContent.page("/keyset");
        Document second = TestContent.page("/keyset" + first.selectFirst(".pager a[rel=next]").attr("href"));
        Document third = TestContent.page("/keyset" + second.selectFirst(".pager a[rel=next]").attr("href"));
        assertNull(third.selectFirst(".pager a[rel=next]"), "the last page has nothing older");

        Document backToSecond = TestContent.page("/keyset" + third.selectFirst(".pager a[rel=prev]").attr("href"));
        assertEquals(headlines(second), headlines(backToSecond));
        Document backToFirst = TestContent.page("/keyset" + backToSecond.selectFirst(".pager a[rel=prev]").attr("href"));
        assertEquals(headlines(first), headlines(backToFirst));
        assertNull(backToFirst.selectFirst(".pager a[rel=prev]"));
    }

    @Test
    void aMalformedCursorShowsTheFirstPage() {
        assertEquals(headlines(TestContent.page("/keyset")), headlines(TestContent.page("/keyset?before=banana")));
    }

    @Test
    void listingPagesOfTagsAndAuthorsPageTheSameWay() {
        Document author = TestContent.page("/author/test-reporter");
        assertEquals("Test Reporter", author.selectFirst("h1").text());
        assertEquals(20, author.select("ol.story-list > li").size());
        assertNotNull(author.selectFirst(".pager a[rel=next]"));
        Document tag = TestContent.page("/tag/north-korea");
        assertEquals("North Korea", tag.selectFirst("h1").text());
        assertTrue(tag.select(".card-headline a").eachText().contains("Russia's Putin Arrives in North Korea for Summit with Kim Jong Un"));
    }

    private static List<String> headlines(Document page) {
        return page.select(".card-headline a").eachText();
    }
}
