package media.icaro.news.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** Who sees which article where: drafts, schedules, pins, dates, corrections and hostile input. */
@QuarkusTest
class ArticleRulesTest {

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @BeforeEach
    void section() {
        content.section("rules");
    }

    @Test
    void draftsAndFutureStoriesAreNotFound() {
        ArticleView draft = content.draft("rules", "A draft nobody may read yet", Instant.parse("2023-03-01T10:00:00Z"), List.of());
        given().get("/rules/2023/03/01/" + "a-draft-nobody-may-read-yet").then().statusCode(404);
        ArticleView future = content.publish("rules", "A story from the future", Instant.now().plus(2, ChronoUnit.DAYS));
        given().redirects().follow(false).get(future.url()).then().statusCode(404);
        Document listing = TestContent.page("/rules");
        assertFalse(listing.text().contains(draft.headline()));
        assertFalse(listing.text().contains(future.headline()));
    }

    @Test
    void pinsComeFirstAndRelatedNeverListsSelfOrUnpublished() {
        Instant base = Instant.parse("2023-05-10T08:00:00Z");
        ArticleView pinned = content.publish("rules", "Pinned background piece", base.minus(300, ChronoUnit.DAYS), "Unrelated topic");
        ArticleView pinnedDraft = content.draft("rules", "Pinned but still a draft", base, List.of(), "Glaciers", "Alps");
        ArticleView sibling = content.publish("rules", "Glaciers retreat again in the Alps", base.minus(2, ChronoUnit.DAYS), "Glaciers", "Alps");
        content.draft("rules", "Unpublished glacier draft", base.minus(1, ChronoUnit.DAYS), List.of(), "Glaciers", "Alps");
        ArticleView subject = content.create(TestContent.input("rules", "Alpine glaciers lost a record share of ice", base,
                List.of(pinned.id(), pinnedDraft.id()), "Glaciers", "Alps"), EditorialService.Action.PUBLISH);

        Document page = TestContent.page(subject.url());
        List<Element> items = page.select("aside.related li");
        assertEquals(pinned.url(), items.get(0).selectFirst("h3 a").attr("href"));
        assertNull(items.get(0).selectFirst(".related-label"), "a pin needs no label");
        assertEquals(sibling.url(), items.get(1).selectFirst("h3 a").attr("href"));
        assertEquals("More on Alps", items.get(1).selectFirst(".related-label").text(), "the rarer shared topic");
        for (Element item : items) {
            String href = item.selectFirst("a").attr("href");
            assertFalse(href.equals(subject.url()), "never itself");
            assertFalse(item.text().contains("draft"), "never a draft: " + item.text());
        }
    }

    @Test
    void datesAndAddressesFollowTheSiteTimeZone() {
        // 23:30 UTC on 15 January is already 16 January in Rome (UTC+1 in winter).
        ArticleView winter = content.publish("rules", "Late night winter story", Instant.parse("2024-01-15T23:30:00Z"));
        assertEquals("/rules/2024/01/16/late-night-winter-story", winter.url());
        Element time = TestContent.page(winter.url()).selectFirst(".dateline time");
        assertEquals("16/01/2024 00h30", time.text());
        assertEquals("2024-01-16T00:30:00+01:00", time.attr("datetime"));
        given().redirects().follow(false).get("/rules/2024/01/15/late-night-winter-story")
                .then().statusCode(301).header("Location", org.hamcrest.Matchers.endsWith(winter.url()));
    }

    @Test
    void hostileInputIsNeutralised() {
        ArticleView hostile = content.create(TestContent.story("rules", "<script>alert('headline')</script> Hostile story",
                Instant.parse("2023-02-02T12:00:00Z")).standfirst("<b onmouseover=alert(1)>standfirst</b>").body("""
                Intro <script>alert('body')</script>

                <img src=x onerror="alert(2)"> [click me](javascript:alert(3))

                <a href="javascript:alert(4)" onclick="alert(5)">second</a> <iframe src="https://evil.example"></iframe>
                """).build(), EditorialService.Action.PUBLISH);
        Document page = TestContent.page(hostile.url());
        assertTrue(page.select("script:not([type=application/ld+json]), iframe").isEmpty(), "no script or frame survives");
        assertEquals("<script>alert('headline')</script> Hostile story", page.selectFirst("h1").text(), "shown as text");
        assertEquals("<b onmouseover=alert(1)>standfirst</b>", page.selectFirst(".standfirst").text());
        for (Element element : page.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertFalse(attribute.getKey().startsWith("on"), attribute.toString());
                assertFalse(attribute.getValue().toLowerCase().startsWith("javascript:"), attribute.toString());
            });
        }
        assertTrue(page.selectFirst(".article-body").text().contains("click me"));
    }

    @Test
    void correctionsShowWithTheirDateAndSetUpdated() {
        ArticleView story = content.publish("rules", "Story that needed a correction", Instant.parse("2023-04-04T09:00:00Z"));
        assertNull(TestContent.page(story.url()).selectFirst(".updated"));
        editorial.correct(story.id(), "An earlier version misstated the year of the treaty.", Editor.SYSTEM);
        Document page = TestContent.page(story.url());
        Element corrections = page.selectFirst("section.corrections");
        assertNotNull(corrections);
        assertEquals("Corrections", corrections.selectFirst("h2").text());
        assertTrue(corrections.text().contains("An earlier version misstated the year of the treaty."));
        assertNotNull(corrections.selectFirst("time[datetime]"));
        assertTrue(page.selectFirst(".dateline .updated").text().startsWith("Updated "));
    }

    @Test
    void slugsAreUniqueAndReadable() {
        ArticleView first = content.publish("rules", "Same headline, twice: café déjà vu", Instant.parse("2023-06-01T09:00:00Z"));
        ArticleView second = content.publish("rules", "Same headline, twice: café déjà vu", Instant.parse("2023-06-02T09:00:00Z"));
        assertTrue(first.url().endsWith("/same-headline-twice-cafe-deja-vu"), first.url());
        assertTrue(second.url().endsWith("/same-headline-twice-cafe-deja-vu-2"), second.url());
        TestContent.page(first.url());
        TestContent.page(second.url());
    }
}
