package media.icaro.news.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;

/** Search as a reader uses it. Only HTTP: {@code SearchQueriesIT} runs it against the packaged jar. */
@QuarkusTest
class SearchQueriesTest {

    static final String SEED = "Russia's Putin Arrives in North Korea for Summit with Kim Jong Un";

    @Test
    void vostochnyFindsTheSeedStoryFirstWithTheWordHighlighted() throws InterruptedException {
        // A fresh start builds the index in the background while the site answers: wait for it.
        Document page = search("Vostochny");
        for (int i = 0; i < 150 && page.select("ol.search-results > li").size() < 2; i++) {
            Thread.sleep(200);
            page = search("Vostochny");
        }
        Element first = page.selectFirst("ol.search-results > li");
        assertEquals(SEED, first.selectFirst(".card-headline a").text());
        assertEquals("/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un",
                first.selectFirst(".card-headline a").attr("href"));
        assertEquals("Vostochny", first.selectFirst(".card-standfirst mark").text());
        assertEquals("Politics", first.selectFirst(".card-meta a").text());
        assertEquals("18/06/2024 19h15", first.selectFirst(".card-meta time").text());
    }

    @Test
    void everyLayoutHasTheSearchForm() {
        Element form = TestContent.page("/").selectFirst("header form[role=search]");
        assertEquals("/search", form.attr("action"));
        assertEquals("get", form.attr("method"));
        assertNotNull(form.selectFirst("input[type=search][name=q]"));
        assertNotNull(form.selectFirst("label[for=site-search]"));
    }

    @Test
    void anyQueryIsSafe() {
        List<String> queries = List.of("\"unbalanced quote", "(brackets] {and} [more", "*", "?", "a AND OR NOT b",
                "NOT", "-", "+", "~2", "title:foo", "\\", "Kim Jong Un\" OR \"", "x".repeat(2000),
                "word ".repeat(500), "북한 김정은 정상회담", "Путин Пхеньян", "بوتين كوريا", "😀🚀", "<script>alert(1)</script>",
                "%00", "the of and a");
        for (String q : queries) {
            String html = given().queryParam("q", q).get("/search").then().statusCode(200).extract().asString();
            Document page = Jsoup.parse(html);
            assertEquals("Search", page.selectFirst("main h1").text(), q);
            assertTrue(!page.select("ol.search-results > li").isEmpty() || page.selectFirst("p.empty") != null,
                    "results or a friendly nothing-found for: " + q);
            assertTrue(page.select("main script").isEmpty(), "nothing injected for: " + q);
        }
        Document nothing = search("zzqqxxnonexistentword");
        assertTrue(nothing.selectFirst("p.empty").text().startsWith("Nothing found for “zzqqxxnonexistentword”"));
    }

    @Test
    void tildeAndStarAreSearchedAsWordsNotAsFuzzyOrPrefixOperators() {
        awaitIndex();
        assertTrue(headlines("Putin").contains(SEED));
        assertTrue(headlines("Vostochny").contains(SEED));
        assertTrue(headlines("Puttin~2").isEmpty(), "no fuzzy match of a misspelling");
        assertTrue(headlines("Vostoch*").isEmpty(), "no prefix match");
        assertEquals(headlines("Putin 2"), headlines("Putin~2"), "the 2 is a word, the ~ nothing");
        assertEquals(headlines("Vostochny"), headlines("*Vostochny*"));
    }

    @Test
    void hostileQueriesAnswerTheResultsOfTheirWords() {
        awaitIndex();
        assertEquals(headlines("Putin 2"), headlines("putin~2 ".repeat(64)), "64 fuzzy terms are two words");
        assertEquals(headlines("Putin"), headlines("Putin " + "*".repeat(1000)));
        // One "word" that analyses into hundreds of terms is cut like a long query, not a failure.
        String manyTerms = "Putin-" + String.join("-", java.util.stream.IntStream.range(0, 600).mapToObj(i -> "w" + i).toList());
        Document page = search(manyTerms);
        assertTrue(page.selectFirst("p.empty") != null || !page.select("ol.search-results > li").isEmpty());
    }

    @Test
    void aPageNumberOutOfRangeIsHarmless() {
        List<String> first = headlines("Putin");
        assertFalse(first.isEmpty(), "the seed story and its neighbours are found");
        for (String page : List.of("0", "-1", "999999", "abc")) {
            assertEquals(first, resultsPage("Putin", page).select("ol.search-results .card-headline a").eachText(),
                    "page=" + page + " shows the first page");
        }
        Document beyond = resultsPage("Putin", "50");
        assertTrue(beyond.select("ol.search-results li").isEmpty(), "nothing past the last page");
        assertNotNull(beyond.selectFirst("main h1"), "still the results page");
    }

    private static Document resultsPage(String q, String page) {
        return Jsoup.parse(given().queryParam("q", q).queryParam("page", page).get("/search")
                .then().statusCode(200).extract().asString());
    }

    /** A fresh start builds the index in the background while the site answers: wait for the seed story. */
    static void awaitIndex() {
        for (int i = 0; i < 150 && headlines("Vostochny").isEmpty(); i++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static List<String> headlines(String q) {
        return search(q).select("ol.search-results .card-headline a").eachText();
    }

    static Document search(String q) {
        String html = given().queryParam("q", q).get("/search").then().statusCode(200).extract().asString();
        return Jsoup.parse(html);
    }
}
