package media.icaro.news.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import media.icaro.news.popular.QuickMostRead;

/**
 * The "Most read" list in a real browser, on the front page and an article page: the browser's own
 * views put stories in it, and both pages pass every check of {@link PageChecks}.
 */
@QuarkusTest
@TestProfile(QuickMostRead.class)
class MostReadBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theListPassesTheChecksOnTheFrontAndArticlePages() {
        Browser.assumeAvailable();
        Axe.source();
        try (Browser b = Browser.start(true)) {
            walk(b, root.toString().replaceAll("/$", ""));
        }
    }

    private static void walk(Browser b, String base) {
        b.open(base + "/");
        b.follow(b.driver.findElement(By.partialLinkText("Putin Arrives in North Korea for Summit")));
        b.follow(b.find(".related li a"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!given().get("/").asString().contains("id=\"most-read-heading\"") && System.nanoTime() < deadline) {
            Browser.sleep(100);
        }

        PageChecks checks = new PageChecks(b, "most-read");
        b.open(base + "/");
        assertFalse(b.findAll(".most-read ol li").isEmpty(), "the stories the browser read are listed");
        checks.check("front");
        b.follow(b.find(".most-read ol li a"));
        assertTrue(b.findAll(".most-read ol li").size() >= 1, "the other story read is listed beside this one");
        checks.check("article");
        checks.assertClean();
    }
}
