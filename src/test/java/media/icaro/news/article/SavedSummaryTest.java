package media.icaro.news.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/**
 * An article without a standfirst is described (meta description, social cards, feeds) by its
 * body's first paragraph, worked out once when it is saved rather than from the Markdown on every
 * request.
 */
@QuarkusTest
class SavedSummaryTest {

    @Inject
    TestContent content;

    @Inject
    ArticleRepository articles;

    @Inject
    BodySummaries summaries;

    @Test
    void theDescriptionIsTheSummarySavedWithTheBody() {
        content.section("summaries");
        ArticleInput noStandfirst = TestContent.story("summaries", "A story described by its first paragraph",
                Instant.parse("2022-03-03T10:00:00Z"))
                .body("The *first* paragraph says what happened.\n\nThe second adds detail.").build();
        ArticleView story = content.create(noStandfirst, EditorialService.Action.PUBLISH);
        assertEquals("The first paragraph says what happened.", description(story.url()));

        // Only a save works the description out: a body changed behind the service's back leaves it as saved.
        QuarkusTransaction.requiringNew().run(() -> articles.update("bodyMarkdown = ?1 where id = ?2",
                "A body nobody saved through the newsroom.", story.id()));
        assertEquals("The first paragraph says what happened.", description(story.url()));
    }

    @Test
    void articlesSavedBeforeSummariesWereKeptGetTheirsAtStart() {
        content.section("summaries");
        ArticleView story = content.create(TestContent.story("summaries", "A story saved before summaries were kept",
                Instant.parse("2022-03-04T10:00:00Z")).body("What an *older* save said first.\n\nMore.").build(),
                EditorialService.Action.PUBLISH);
        QuarkusTransaction.requiringNew().run(() -> articles.update("bodySummary = null where id = ?1", story.id()));
        assertEquals("", description(story.url()));

        summaries.onStart(null);
        assertEquals("What an older save said first.", description(story.url()));
    }

    private static String description(String url) {
        Document page = TestContent.page(url);
        return page.selectFirst("meta[name=description]").attr("content");
    }
}
