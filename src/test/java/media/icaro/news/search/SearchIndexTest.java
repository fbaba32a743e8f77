package media.icaro.news.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/** The index follows publishing: only live articles are ever found. */
@QuarkusTest
class SearchIndexTest {

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    SectionService sections;

    @BeforeEach
    void section() {
        content.section("search-test");
    }

    @Test
    void draftsAreNeverFoundAndPublishingAndUnpublishingShowAtOnce() {
        ArticleView draft = content.draft("search-test", "Quokkaword draft about a marsupial", Instant.parse("2023-09-01T10:00:00Z"), List.of());
        content.settle();
        assertTrue(headlines("quokkaword").isEmpty(), "a draft is not found");

        var input = editorial.load(draft.id());
        editorial.update(draft.id(), input.version(), input.input(), EditorialService.Action.PUBLISH, Editor.SYSTEM);
        content.settle();
        assertEquals(List.of("Quokkaword draft about a marsupial"), headlines("quokkaword"));

        editorial.unpublish(draft.id(), Editor.SYSTEM);
        content.settle();
        assertTrue(headlines("quokkaword").isEmpty(), "an unpublished article is not found");
    }

    @Test
    void aRenamedSectionShowsItsNewNameInResults() {
        SectionView section = content.section("search-rename");
        String headline = "Numbatword story in a section about to be renamed";
        content.publish("search-rename", headline, Instant.parse("2023-09-02T10:00:00Z"));
        content.settle();
        assertEquals(List.of(section.name()), sectionNames("numbatword", headline));

        sections.update(section.id(), "Renamed Numbat Desk", "Stories after the rename", null);
        content.settle();
        assertEquals(List.of("Renamed Numbat Desk"), sectionNames("numbatword", headline));
    }

    @Test
    void scheduledArticlesAreNotFoundBeforeTheirTime() {
        ArticleView scheduled = content.publish("search-test", "Wallabyword story scheduled for later",
                Instant.now().plus(2, ChronoUnit.DAYS));
        content.settle();
        assertTrue(headlines("wallabyword").isEmpty(), "not found before its time");

        // Its time brought forward to now, the same story is found: the word is searchable.
        var loaded = editorial.load(scheduled.id());
        editorial.update(scheduled.id(), loaded.version(), loaded.input().toBuilder().publishedAt(null).build(),
                EditorialService.Action.PUBLISH, Editor.SYSTEM);
        content.settle();
        assertEquals(List.of("Wallabyword story scheduled for later"), headlines("wallabyword"));
    }

    @Test
    void headlineMatchesRankAboveBodyMatches() {
        content.create(media.icaro.news.article.ArticleInput.builder().headline("An unrelated headline")
                .body("This body mentions the numbatword once.").section("search-test")
                .publishedAt(Instant.parse("2023-09-03T10:00:00Z")).build(), EditorialService.Action.PUBLISH);
        content.create(media.icaro.news.article.ArticleInput.builder().headline("Numbatword in the headline")
                .body("A body about something else entirely.").section("search-test")
                .publishedAt(Instant.parse("2023-09-02T10:00:00Z")).build(), EditorialService.Action.PUBLISH);
        content.settle();
        assertEquals(List.of("Numbatword in the headline", "An unrelated headline"), headlines("numbatword"));
    }

    @Test
    void resultsPageTwentyAtATime() {
        for (int i = 0; i < 25; i++) {
            content.publish("search-test", "Bilbyword story number " + i, Instant.parse("2023-08-01T10:00:00Z").plus(i, ChronoUnit.HOURS));
        }
        content.settle();
        Document first = SearchQueriesTest.search("bilbyword");
        assertEquals(20, first.select("ol.search-results > li").size());
        assertTrue(first.selectFirst(".search-count").text().startsWith("Stories 1 to 20 of 25"));
        String next = first.selectFirst(".pager a[rel=next]").attr("href");
        Document second = TestContent.page(next);
        assertEquals(5, second.select("ol.search-results > li").size());
        assertFalse(second.select(".pager a[rel=prev]").isEmpty());
        assertTrue(second.select(".pager a[rel=next]").isEmpty());
    }

    private static List<String> headlines(String q) {
        return SearchQueriesTest.search(q).select("ol.search-results .card-headline a").eachText();
    }

    /** The section each result of the story with this headline shows. */
    private static List<String> sectionNames(String q, String headline) {
        return SearchQueriesTest.search(q).select("ol.search-results > li").stream()
                .filter(hit -> hit.select(".card-headline a").text().equals(headline))
                .map(hit -> hit.select(".card-meta a").text()).toList();
    }
}
