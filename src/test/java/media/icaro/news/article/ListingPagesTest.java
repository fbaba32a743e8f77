package media.icaro.news.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** Tag and author listings: who or what they are about, and only their own live stories, newest first. */
@QuarkusTest
class ListingPagesTest {

    @Inject
    TestContent content;

    @Test
    void aTagListsItsLiveStoriesNewestFirst() {
        content.section("listings");
        content.publish("listings", "Older story about lighthouses", Instant.parse("2022-01-10T10:00:00Z"), "Lighthouses");
        content.publish("listings", "Newer story about lighthouses", Instant.parse("2022-01-11T10:00:00Z"), "Lighthouses");
        content.publish("listings", "A story about harbours", Instant.parse("2022-01-12T10:00:00Z"), "Harbours");
        content.draft("listings", "A lighthouse draft", Instant.parse("2022-01-13T10:00:00Z"), List.of(), "Lighthouses");

        Document page = TestContent.page("/tag/lighthouses");
        assertEquals("Lighthouses", page.selectFirst("main h1").text());
        assertEquals(List.of("Newer story about lighthouses", "Older story about lighthouses"),
                page.select(".card-headline a").eachText());
    }

    @Test
    void anAuthorPageSaysWhoTheyAreAndListsTheirStories() {
        Document page = TestContent.page("/author/icaro-media-group");
        assertEquals("ICARO Media Group", page.selectFirst("main h1").text());
        assertEquals("Organisation", page.selectFirst(".listing-kind").text());
        assertTrue(page.select(".card-headline a").eachText()
                .contains("Russia's Putin Arrives in North Korea for Summit with Kim Jong Un"));
    }
}
