package media.icaro.news.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** Only HTTP: {@code FrontPageIT} runs it against the packaged jar. */
@QuarkusTest
class FrontPageTest {

    static final String SEED_URL = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    @Test
    void seedStoryLeadsAsTheNewest() {
        Document page = TestContent.page("/");
        Element lead = page.selectFirst(".lead-story .lead-headline a");
        assertEquals("Russia's Putin Arrives in North Korea for Summit with Kim Jong Un", lead.text());
        assertEquals(SEED_URL, lead.attr("href"));
        assertEquals("1", String.valueOf(page.select("h1").size()), "one h1 per page");
    }

    @Test
    void topStoriesFollowNewestFirst() {
        Document page = TestContent.page("/");
        List<OffsetDateTime> dates = new ArrayList<>();
        dates.add(OffsetDateTime.parse(page.selectFirst(".lead-story time").attr("datetime")));
        for (Element time : page.select(".top-stories time")) {
            dates.add(OffsetDateTime.parse(time.attr("datetime")));
        }
        assertEquals(5, dates.size(), "the lead and four top stories");
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(dates.get(i).isAfter(dates.get(i - 1)), "newest first: " + dates);
        }
    }

    @Test
    void latestPerSectionShowsEachSectionsOwnStoriesOnce() {
        Document page = TestContent.page("/");
        List<Element> blocks = page.select("section.section-block");
        assertTrue(blocks.size() >= 5, "at least the five demo sections: " + blocks.size());
        Set<String> seen = new HashSet<>();
        for (Element link : page.select("main a[href~=^/[a-z0-9-]+/\\d{4}/]")) {
            assertTrue(seen.add(link.attr("href")), "a story shows once: " + link.attr("href"));
        }
        for (Element block : blocks) {
            String sectionUrl = block.selectFirst("h2 a").attr("href");
            List<Element> stories = block.select(".card-headline a");
            assertTrue(!stories.isEmpty() && stories.size() <= 4, sectionUrl + ": " + stories.size());
            for (Element story : stories) {
                assertTrue(story.attr("href").startsWith(sectionUrl + "/"), story.attr("href") + " in " + sectionUrl);
            }
        }
    }

    @Test
    void everyLinkOnTheFrontPageLeadsToALivePage() {
        Document page = TestContent.page("/");
        Set<String> targets = new HashSet<>();
        for (Element link : page.select("a[href^=/]")) {
            targets.add(link.attr("href"));
        }
        targets.add(page.selectFirst("link[rel=stylesheet]").attr("href"));
        for (String target : targets) {
            io.restassured.RestAssured.given().redirects().follow(false).get(target.replace("#main", ""))
                    .then().statusCode(200);
        }
    }
}
