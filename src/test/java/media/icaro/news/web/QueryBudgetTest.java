package media.icaro.news.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;

/** Pages cost a fixed number of queries, however many tags, bylines, pins, corrections or stories there are. */
@QuarkusTest
class QueryBudgetTest {

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void articlePageQueriesDoNotGrowWithTheArticle() {
        content.section("budget");
        Instant at = Instant.parse("2021-05-05T10:00:00Z");
        ArticleView plain = content.publish("budget", "A plain budget story", at, "Budget one");
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pins.add(content.publish("budget", "Budget pin " + i, at.minus(i + 1, ChronoUnit.DAYS), "Budget one", "Budget two").url());
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tags.add("Budget tag " + i);
        }
        ArticleView rich = content.create(ArticleInput.builder().headline("A rich budget story").standfirst("Standfirst").body("Body")
                .section("budget").kind(Article.Kind.ANALYSIS).publishedAt(at.plus(1, ChronoUnit.HOURS))
                .bylines(List.of("Budget Writer One", "Budget Writer Two", "Budget Writer Three")).tags(tags)
                .disclaimerMode(Article.DisclaimerMode.SITE_DEFAULT).pinnedRelated(pins).build(),
                EditorialService.Action.PUBLISH);
        for (int i = 0; i < 3; i++) {
            editorial.correct(rich.id(), "Correction " + i, Editor.SYSTEM);
        }

        ArticleView pictured = content.publishWithPicture("budget", "A pictured budget story", at.plus(2, ChronoUnit.HOURS), 800, 600,
                "A budget picture", "Budget one");

        long plainQueries = queriesFor(plain.url());
        long richQueries = queriesFor(rich.url());
        assertEquals(plainQueries, richQueries, "same queries for a plain and a rich article");
        assertEquals(plainQueries, queriesFor(pictured.url()), "its picture's size and versions come with the article");
        assertTrue(richQueries <= 7, "article page queries: " + richQueries);
    }

    @Test
    void listingQueriesDoNotGrowWithTheListing() {
        long section = queriesFor("/politics");
        long front = queriesFor("/");
        long deep = queriesFor("/politics?before=1600000000-999999");
        assertTrue(section <= 2, "section page queries: " + section);
        assertEquals(section, deep, "a deep page costs what the first costs");
        assertTrue(front <= 3, "front page queries (the newest, then every section's newest in two): " + front);
    }

    @Test
    void thumbnailsComeWithTheirStories() {
        content.section("budget-pictures");
        Instant at = Instant.parse("2021-08-08T10:00:00Z");
        content.publish("budget-pictures", "A budget story without a picture", at);
        long plain = queriesFor("/budget-pictures");
        for (int i = 1; i <= 3; i++) {
            content.publishWithPicture("budget-pictures", "A budget story with picture " + i, at.plus(i, ChronoUnit.HOURS), 640, 480,
                    "Picture " + i);
        }
        assertEquals(3, TestContent.page("/budget-pictures").select("img.card-picture, img.lead-picture").size(), "the lead's and the cards'");
        assertEquals(plain, queriesFor("/budget-pictures"), "three thumbnails cost no query of their own");
    }

    @Test
    void aWrongAddressAnswersItsRedirectWithoutBuildingThePage() {
        content.section("budget");
        ArticleView story = content.publish("budget", "A budget story read at a wrong address",
                Instant.parse("2021-06-06T10:00:00Z"), "Budget one");
        String wrong = story.url().replace("/budget/", "/politics/");
        given().redirects().follow(false).get(wrong).then().statusCode(301).header("Location", story.url());
        content.settle();
        long queries = fewestStatements(i -> given().redirects().follow(false).get(wrong).then().statusCode(301));
        assertTrue(queries <= 1, "a wrong address costs the one query that finds the article: " + queries);
    }

    @Test
    void pinnedStoriesAreFoundOnceHoweverMany() {
        content.section("budget");
        Instant at = Instant.parse("2021-07-07T10:00:00Z");
        List<String> slugs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ArticleView pin = content.publish("budget", "Budget background " + i, at.minus(i + 1, ChronoUnit.DAYS));
            slugs.add(pin.url().substring(pin.url().lastIndexOf('/') + 1));
            ids.add(String.valueOf(pin.id()));
        }
        long two = savingWithPins(List.of(slugs.get(0), ids.get(0)));
        long eight = savingWithPins(List.of(slugs.get(0), ids.get(0), slugs.get(1), ids.get(1), slugs.get(2), ids.get(2),
                slugs.get(3), ids.get(3)));
        assertTrue(eight - two <= 6, "six more pins cost only their six rows: " + two + " and " + eight + " statements");
    }

    /** The statements a new draft with these pins prepares, each try under a headline of its own. */
    private long savingWithPins(List<String> pins) {
        return fewestStatements(attempt -> editorial.create(TestContent.story("budget", "Budget story with " + pins.size()
                + " pins, try " + attempt, Instant.parse("2021-07-08T10:00:00Z")).body("Body.").pinnedRelated(pins)
                .build(), EditorialService.Action.SAVE, Editor.SYSTEM));
    }

    /**
     * The statements rendering the page prepares, after a warm-up request. Background work (the scheduler,
     * the search index following the articles just written) shares the counter, so the fewest of
     * three tries is the page's own cost. Each try adds a query string the page ignores, so that it is
     * rendered, not served from the page cache.
     */
    private long queriesFor(String path) {
        TestContent.page(path);
        content.settle();
        String separator = path.contains("?") ? "&" : "?";
        long queries = fewestStatements(i -> TestContent.page(path + separator + "render=" + i));
        assertTrue(queries >= 1, "rendered from the database, not served from memory: " + path);
        return queries;
    }

    private long fewestStatements(IntConsumer request) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            request.accept(i);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }
}
