package media.icaro.news.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleInputTest {

    /** Every field set, each to a value no other field has, so that a field copied into another shows. */
    static ArticleInput everyField() {
        return ArticleInput.builder().headline("Headline").slug("a-slug").standfirst("Standfirst").body("Body")
                .section("politics").kind(Article.Kind.ANALYSIS).publishedAt(Instant.parse("2024-06-18T17:15:00Z"))
                .bylines(List.of("Writer One", "Writer Two")).tags(List.of("Tag one")).disclaimerMode(Article.DisclaimerMode.CUSTOM)
                .disclaimerText("Disclaimer").source("Wire").pinnedRelated(List.of("7", "a-pinned-story")).imageId(12L).imageAlt("Alt")
                .imageCaption("Caption").imageCredit("Credit").minor(true).seoTitle("Search title").seoDescription("Search description")
                .socialImageId(13L).build();
    }

    @Test
    void aCopyKeepsEveryField() {
        ArticleInput input = everyField();
        assertEquals(input, input.toBuilder().build());
        assertEquals(new ArticleInput("Headline", "a-slug", "Standfirst", "Body", "politics", Article.Kind.ANALYSIS,
                Instant.parse("2024-06-18T17:15:00Z"), List.of("Writer One", "Writer Two"), List.of("Tag one"),
                Article.DisclaimerMode.CUSTOM, "Disclaimer", "Wire", List.of("7", "a-pinned-story"), 12L, "Alt", "Caption", "Credit", true,
                "Search title", "Search description", 13L),
                input, "each builder method sets its own field");
    }

    @Test
    void aCopyChangesOnlyWhatItSets() {
        ArticleInput input = everyField();
        ArticleInput undated = input.toBuilder().publishedAt(null).build();
        assertNull(undated.publishedAt());
        assertNotEquals(input, undated);
        assertEquals(input, undated.toBuilder().publishedAt(input.publishedAt()).build());
    }

    @Test
    void whatIsNotSetHasTheDefaultsAndTextIsCleaned() {
        ArticleInput input = ArticleInput.builder().headline("Two\nlines\u202E").build();
        assertEquals("Two lines", input.headline());
        assertEquals(Article.Kind.NEWS, input.kind());
        assertEquals(Article.DisclaimerMode.SITE_DEFAULT, input.disclaimerMode());
        assertEquals(List.of(), input.tags());
        assertEquals(List.of(), input.bylines());
        assertEquals(List.of(), input.pinnedRelated());
        assertNull(input.imageId());
    }

    @Test
    void pinnedReferencesAreTrimmedAndBlankOnesDropped() {
        ArticleInput input = ArticleInput.builder().pinnedRelated(List.of(" 12 ", "", "  ", "/politics/2024/06/18/a-story\n")).build();
        assertEquals(List.of("12", "/politics/2024/06/18/a-story"), input.pinnedRelated());
    }
}
