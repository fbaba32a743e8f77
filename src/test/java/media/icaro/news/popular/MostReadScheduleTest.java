package media.icaro.news.popular;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;

/** With the interval running: readers' views reach the front and article pages by themselves. */
@QuarkusTest
@TestProfile(QuickMostRead.class)
class MostReadScheduleTest {

    @Inject
    TestContent content;

    @Test
    void viewsShowInTheListWithinAnInterval() {
        content.section(MostReadTest.SECTION);
        Instant at = MostReadTest.LONG_AGO;
        ArticleView much = content.publish(MostReadTest.SECTION, "Ferry to the islands doubles its sailings", at);
        ArticleView less = content.publish(MostReadTest.SECTION, "Island ferry fares frozen", at.plus(1, ChronoUnit.HOURS));
        read(much, 40);
        read(less, 30);

        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> listed = listed("/");
        while (!(listed.contains(much.headline()) && listed.contains(less.headline())) && System.nanoTime() < deadline) {
            sleep();
            listed = listed("/");
        }
        assertTrue(listed.indexOf(much.headline()) >= 0 && listed.indexOf(much.headline()) < listed.indexOf(less.headline()),
                "the more read first, within 10 s: " + listed);
        List<String> onItsPage = listed(less.url());
        assertEquals(listed.stream().filter(h -> !h.equals(less.headline())).limit(5).toList(), onItsPage);
    }

    private static void read(ArticleView story, int times) {
        for (int i = 0; i < times; i++) {
            given().header("User-Agent", MostReadTest.BROWSER).get(story.url()).then().statusCode(200);
        }
    }

    private static List<String> listed(String path) {
        Document page = TestContent.page(path);
        return page.select(".most-read ol > li > a").eachText();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
