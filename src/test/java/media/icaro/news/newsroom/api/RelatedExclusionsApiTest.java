package media.icaro.news.newsroom.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;

/** The API keeps a story out of an article's Related block, and lets it back, as the newsroom's form does. */
@QuarkusTest
class RelatedExclusionsApiTest {

    @Inject
    TestContent content;

    @Test
    void aStoryIsKeptOutOfAnArticlesRelatedBlockAndLetBackIn() {
        content.section("api-related");
        JsonPath background = create(Map.of("headline", "Api related: the background", "body", "What came before.",
                "section", "api-related", "status", "published", "publishedAt", "2023-02-01T09:00:00Z"));
        long story = background.getLong("id");
        JsonPath article = create(Map.of("headline", "Api related: the news", "body", "What happened today.",
                "section", "api-related", "status", "published", "publishedAt", "2023-02-02T09:00:00Z",
                "pinnedRelated", List.of(String.valueOf(story))));
        long id = article.getLong("id");
        String url = article.getString("url");
        content.settle();
        assertTrue(related(url).contains(background.getString("url")), "pinned, so shown");

        api().put("/api/v1/articles/" + id + "/related/excluded/" + story).then().statusCode(204);
        assertFalse(related(url).contains(background.getString("url")), "kept out, pinned or not");
        JsonPath excluded = api().get("/api/v1/articles/" + id + "/related/excluded").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) story), excluded.getList("excluded.id"));
        assertEquals("Api related: the background", excluded.getString("excluded[0].headline"));
        api().put("/api/v1/articles/" + id + "/related/excluded/" + story).then().statusCode(204);

        api().delete("/api/v1/articles/" + id + "/related/excluded/" + story).then().statusCode(204);
        assertTrue(related(url).contains(background.getString("url")), "shown again");
        assertEquals(List.of(), api().get("/api/v1/articles/" + id + "/related/excluded").then().statusCode(200)
                .extract().jsonPath().getList("excluded"));

        api().put("/api/v1/articles/" + id + "/related/excluded/" + id).then().statusCode(400).contentType(ContentType.JSON);
        api().put("/api/v1/articles/" + id + "/related/excluded/999999999").then().statusCode(404).contentType(ContentType.JSON);
        api().get("/api/v1/articles/999999999/related/excluded").then().statusCode(404);
        given().put("/api/v1/articles/" + id + "/related/excluded/" + story).then().statusCode(401);
    }

    private static List<String> related(String url) {
        return TestContent.page(url).select("aside.related li h3 a").eachAttr("href");
    }

    private static JsonPath create(Map<String, Object> body) {
        return api().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then().statusCode(201).extract().jsonPath();
    }

    private static RequestSpecification api() {
        return given().auth().preemptive().basic(NewsroomSession.ADMIN, NewsroomSession.ADMIN_PASSWORD);
    }
}
