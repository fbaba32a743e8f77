package media.icaro.news.newsroom.api;

import static media.icaro.news.newsroom.api.ApiClient.EDITOR;
import static media.icaro.news.newsroom.api.ApiClient.article;
import static media.icaro.news.newsroom.api.ApiClient.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.HeldRow;
import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleRepository;

/**
 * Wire ingestion sends many stories at once: a clash of addresses or new tags is settled, and a write
 * the database cannot complete answers 503 and changes nothing; never a 500.
 */
@QuarkusTest
class SimultaneousCreatesTest {

    @Inject
    ApiClient client;

    @Inject
    TestContent content;

    @Inject
    ArticleRepository articles;

    @Test
    void twentyCreatesWithTheSameHeadlineAndNewTagsAllSucceedWithTheirOwnAddresses() throws Exception {
        client.ensureAccounts();
        content.section("api-race");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CyclicBarrier together = new CyclicBarrier(20);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, Object> sent = article("api-race", "Twenty wires carry the same headline");
                sent.put("tags", List.of("Race tag one", "Race tag two"));
                sent.put("bylines", List.of("Race Wire Desk"));
                answers.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return as(EDITOR).body(sent).post("/api/v1/articles");
                }));
            }
            Set<String> slugs = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(120, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                slugs.add(response.jsonPath().getString("slug"));
            }
            assertEquals(20, slugs.size(), "every article has its own address: " + slugs);
            assertTrue(slugs.contains("twenty-wires-carry-the-same-headline"), slugs.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteTheDatabaseCannotCompleteAnswers503AndChangesNothing() throws Exception {
        client.ensureAccounts();
        content.section("api-race");
        Response created = as(EDITOR).body(article("api-race", "A wire whose row another write holds")).post("/api/v1/articles");
        long id = created.jsonPath().getLong("id");
        Map<String, Object> change = article("api-race", "A wire changed while its row was held");
        change.put("version", created.jsonPath().getLong("version"));

        Response refused;
        try (HeldRow held = HeldRow.ofArticle(articles.getEntityManager(), id)) {
            refused = as(EDITOR).body(change).put("/api/v1/articles/" + id);
        }
        ApiClient.assertErrors(refused, 503, (String) null);
        assertEquals("5", refused.header("Retry-After"));
        assertEquals("A wire whose row another write holds",
                as(EDITOR).get("/api/v1/articles/" + id).jsonPath().getString("headline"), "nothing changed");
        as(EDITOR).body(change).put("/api/v1/articles/" + id).then().statusCode(200);
    }
}
