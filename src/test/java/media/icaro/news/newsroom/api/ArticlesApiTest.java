package media.icaro.news.newsroom.api;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.api.ApiClient.EDITOR;
import static media.icaro.news.newsroom.api.ApiClient.article;
import static media.icaro.news.newsroom.api.ApiClient.as;
import static media.icaro.news.newsroom.api.ApiClient.assertErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.EditorialService;
import media.icaro.news.author.AuthorService;
import media.icaro.news.tag.TagService;

/**
 * Creating, reading, replacing and unpublishing articles over the JSON API, and what readers then see.
 * Articles are dated before April 2024: the seed story (June 2024) must stay the front page's newest,
 * and stories from April to June 2024 without a source are taken for the demo content.
 */
@QuarkusTest
class ArticlesApiTest {

    static final String SECTION = "api-desk";
    static final String ARTICLES = "/api/v1/articles";

    @Inject
    ApiClient client;

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    TagService tags;

    @Inject
    AuthorService authors;

    @BeforeEach
    void setUp() {
        client.ensureAccounts();
        content.section(SECTION);
    }

    @Test
    void aDraftIsCreatedWithEveryFieldAndIsNotOnTheSite() {
        Map<String, Object> sent = article(SECTION, "Api draft with every field");
        sent.put("standfirst", "What the draft is about");
        sent.put("tags", List.of("Api Fresh Tag", "Api Second Tag"));
        sent.put("bylines", List.of("Api Fresh Reporter", "Api Wire Desk"));
        sent.put("kind", "analysis");
        sent.put("status", "draft");
        sent.put("publishedAt", "2024-03-02T09:30:00+02:00");
        sent.put("disclaimer", "Written with the help of a wire service.");
        sent.put("source", "ICARO Wire");

        Response response = as(EDITOR).body(sent).post(ARTICLES);

        response.then().statusCode(201).contentType(ContentType.JSON);
        JsonPath json = response.jsonPath();
        long id = json.getLong("id");
        assertTrue(response.header("Location").endsWith(ARTICLES + "/" + id), response.header("Location"));
        assertEquals("api-draft-with-every-field", json.getString("slug"));
        assertEquals("/" + SECTION + "/2024/03/02/api-draft-with-every-field", json.getString("url"));
        assertEquals("Api draft with every field", json.getString("headline"));
        assertEquals("What the draft is about", json.getString("standfirst"));
        assertEquals("Body of *Api draft with every field*.", json.getString("body"));
        assertEquals(SECTION, json.getString("section"));
        assertEquals(List.of("Api Fresh Tag", "Api Second Tag"), json.getList("tags"));
        assertEquals(List.of("Api Fresh Reporter", "Api Wire Desk"), json.getList("bylines"));
        assertEquals("analysis", json.getString("kind"));
        assertEquals("draft", json.getString("status"));
        assertEquals(Instant.parse("2024-03-02T07:30:00Z"), Instant.parse(json.getString("publishedAt")));
        assertEquals("Written with the help of a wire service.", json.getString("disclaimer"));
        assertEquals("ICARO Wire", json.getString("source"));
        assertEquals(0, json.getLong("version"));
        assertNotNull(Instant.parse(json.getString("createdAt")));
        assertEquals(json.getString("createdAt"), json.getString("updatedAt"));

        assertTrue(tags.findBySlug("api-fresh-tag").isPresent(), "a new tag is created");
        assertTrue(authors.findBySlug("api-fresh-reporter").isPresent(), "a new author is created");
        given().redirects().follow(false).get(json.getString("url")).then().statusCode(404);
        assertEquals(json.getMap(""), as(EDITOR).get(response.header("Location")).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getMap(""), "GET answers what POST did");
    }

    @Test
    void anUndatedDraftHasNoAddressYet() {
        JsonPath json = created(article(SECTION, "Api undated draft"));
        assertEquals("draft", json.getString("status"));
        assertNull(json.get("publishedAt"));
        assertNull(json.get("url"));
        assertEquals("news", json.getString("kind"), "news unless told otherwise");
        assertNull(json.get("disclaimer"), "the site's default disclaimer");
    }

    @Test
    void aPublishedArticleIsLiveAtItsUrl() {
        Map<String, Object> sent = article(SECTION, "Api story published from the wire");
        sent.put("status", "published");
        sent.put("publishedAt", "2024-03-03T12:00:00Z");
        sent.put("tags", List.of("Api Published Tag"));
        JsonPath json = created(sent);

        assertEquals("published", json.getString("status"));
        String url = json.getString("url");
        assertEquals("/" + SECTION + "/2024/03/03/api-story-published-from-the-wire", url);
        String page = given().redirects().follow(false).get(url).then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertTrue(page.contains("Api story published from the wire"), "the page shows the article");
        given().get("/tag/api-published-tag").then().statusCode(200);
    }

    @Test
    void aScheduledArticleWaitsForItsTime() {
        Map<String, Object> sent = article(SECTION, "Api story scheduled for later");
        sent.put("status", "scheduled");
        sent.put("publishedAt", "2099-01-02T08:00:00+01:00");
        JsonPath json = created(sent);

        assertEquals("scheduled", json.getString("status"));
        assertEquals(Instant.parse("2099-01-02T07:00:00Z"), Instant.parse(json.getString("publishedAt")));
        given().redirects().follow(false).get(json.getString("url")).then().statusCode(404);
    }

    @Test
    void schedulingNeedsATimeInTheFuture() {
        Map<String, Object> undated = article(SECTION, "Api schedule without a time");
        undated.put("status", "scheduled");
        assertErrors(as(EDITOR).body(undated).post(ARTICLES), 400, "publishedAt");

        Map<String, Object> past = article(SECTION, "Api schedule in the past");
        past.put("status", "scheduled");
        past.put("publishedAt", "2024-03-01T10:00:00Z");
        assertErrors(as(EDITOR).body(past).post(ARTICLES), 400, "publishedAt");
        assertNoArticleMatches("Api schedule");
    }

    @Test
    void slugsComeFromTheHeadlineAndStayUnique() {
        JsonPath first = created(article(SECTION, "Ça va? L'API dérive: the slug!"));
        JsonPath second = created(article(SECTION, "Ça va? L'API dérive: the slug!"));
        assertEquals("ca-va-lapi-derive-the-slug", first.getString("slug"));
        assertEquals("ca-va-lapi-derive-the-slug-2", second.getString("slug"));

        Map<String, Object> chosen = article(SECTION, "Api story with a chosen slug");
        chosen.put("slug", "api-chosen-slug");
        assertEquals("api-chosen-slug", created(chosen).getString("slug"));
        Map<String, Object> taken = article(SECTION, "Api story wanting a taken slug");
        taken.put("slug", "api-chosen-slug");
        assertErrors(as(EDITOR).body(taken).post(ARTICLES), 400, "slug");
    }

    @ParameterizedTest
    @ValueSource(strings = { "headline", "body", "section" })
    void eachRequiredFieldIsNamedWhenMissing(String field) {
        Map<String, Object> sent = article(SECTION, "Api story missing its " + field);
        sent.remove(field);
        assertErrors(as(EDITOR).body(sent).post(ARTICLES), 400, field);
        assertNoArticleMatches("Api story missing its " + field);
    }

    @Test
    void everyWrongFieldIsListedAtOnce() {
        Map<String, Object> sent = Map.of("kind", "feature", "status", "live", "publishedAt", "20/05/2024 10h00",
                "standfirst", "x".repeat(1001));
        assertErrors(as(EDITOR).body(sent).post(ARTICLES), 400,
                "headline", "body", "section", "kind", "status", "publishedAt", "standfirst");
    }

    @Test
    void textsLongerThanTheirColumnsAreRefused() {
        Map<String, Object> sent = article(SECTION, "Api story with overlong texts");
        sent.put("body", "x".repeat(200_001));
        sent.put("source", "s".repeat(201));
        sent.put("disclaimer", "d".repeat(1001));
        assertErrors(as(EDITOR).body(sent).post(ARTICLES), 400, "body", "source", "disclaimer");
        assertNoArticleMatches("Api story with overlong texts");
    }

    @Test
    void anUnknownSectionIsRefused() {
        assertErrors(as(EDITOR).body(article("api-no-such-section", "Api story in no section")).post(ARTICLES), 400,
                "section");
    }

    @Test
    void unknownValuesOfKindAndStatusAreRefused() {
        Map<String, Object> kind = article(SECTION, "Api story of an unknown kind");
        kind.put("kind", "feature");
        assertErrors(as(EDITOR).body(kind).post(ARTICLES), 400, "kind");
        Map<String, Object> status = article(SECTION, "Api story with an unknown status");
        status.put("status", "unpublished");
        assertErrors(as(EDITOR).body(status).post(ARTICLES), 400, "status");
        assertNoArticleMatches("Api story of an unknown kind");
    }

    @Test
    void wrongJsonIsRefusedWithItsField() {
        assertErrors(as(EDITOR).body("{\"headline\": \"Api broken JSON\", ").post(ARTICLES), 400, (String) null);
        assertErrors(as(EDITOR).body("[1, 2]").post(ARTICLES), 400, (String) null);
        assertErrors(as(EDITOR).body("").post(ARTICLES), 400, (String) null);
        Map<String, Object> tagsAsText = article(SECTION, "Api wrong JSON: tags as text");
        tagsAsText.put("tags", "one, two");
        assertErrors(as(EDITOR).body(tagsAsText).post(ARTICLES), 400, "tags");
        Map<String, Object> nullTag = article(SECTION, "Api wrong JSON: a null tag");
        nullTag.put("tags", Arrays.asList("One", null));
        assertErrors(as(EDITOR).body(nullTag).post(ARTICLES), 400, "tags");
        Map<String, Object> badDate = article(SECTION, "Api wrong JSON: a bad date");
        badDate.put("publishedAt", "2024-05-20T10:00:00");
        assertErrors(as(EDITOR).body(badDate).post(ARTICLES), 400, "publishedAt");
        assertNoArticleMatches("Api wrong JSON");
    }

    @Test
    void theDisclaimerIsTheSitesCustomOrNone() {
        Map<String, Object> none = article(SECTION, "Api story without a disclaimer");
        none.put("disclaimer", "none");
        assertEquals("none", created(none).getString("disclaimer"));
        Map<String, Object> siteDefault = article(SECTION, "Api story with the site disclaimer");
        siteDefault.put("disclaimer", null);
        assertNull(created(siteDefault).get("disclaimer"));
        Map<String, Object> blank = article(SECTION, "Api story with a blank disclaimer");
        blank.put("disclaimer", " ");
        assertErrors(as(EDITOR).body(blank).post(ARTICLES), 400, "disclaimer");
    }

    @Test
    void getAnswersTheArticleOr404() {
        JsonPath json = created(article(SECTION, "Api story to read back"));
        JsonPath read = as(EDITOR).get(ARTICLES + "/" + json.getLong("id")).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(json.getLong("id"), read.getLong("id"));
        assertEquals("Api story to read back", read.getString("headline"));
        assertErrors(as(EDITOR).get(ARTICLES + "/999999999"), 404, (String) null);
    }

    @Test
    void putReplacesTheArticleAndPublishesIt() {
        JsonPath draft = created(article(SECTION, "Api draft to be edited"));
        Map<String, Object> edit = article(SECTION, "Api story edited and published");
        edit.put("version", draft.getLong("version"));
        edit.put("status", "published");
        edit.put("publishedAt", "2024-03-04T10:00:00+02:00");
        edit.put("kind", "opinion");
        edit.put("tags", List.of("Api Edited Tag"));

        Response response = as(EDITOR).body(edit).put(ARTICLES + "/" + draft.getLong("id"));

        response.then().statusCode(200).contentType(ContentType.JSON);
        JsonPath json = response.jsonPath();
        assertEquals("Api story edited and published", json.getString("headline"));
        assertEquals("api-draft-to-be-edited", json.getString("slug"), "the slug stays unless one is sent");
        assertEquals("published", json.getString("status"));
        assertEquals("opinion", json.getString("kind"));
        assertEquals(List.of("Api Edited Tag"), json.getList("tags"));
        assertEquals(draft.getLong("version") + 1, json.getLong("version"));
        assertEquals(draft.getString("createdAt"), json.getString("createdAt"));
        given().redirects().follow(false).get(json.getString("url")).then().statusCode(200);
    }

    @Test
    void anAnswerEditedAndSentBackIsAValidPut() {
        JsonPath draft = created(article(SECTION, "Api story sent back whole"));
        Map<String, Object> whole = draft.getMap("");
        whole.put("standfirst", "Added on the second pass");

        JsonPath json = as(EDITOR).body(whole).put(ARTICLES + "/" + draft.getLong("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Added on the second pass", json.getString("standfirst"));
        assertEquals("draft", json.getString("status"));
    }

    @Test
    void putKeepsThePinnedStoriesItDoesNotSend() {
        ArticleView background = content.publish(SECTION, "Api background piece to pin", Instant.parse("2024-03-08T10:00:00Z"));
        ArticleView story = content.draft(SECTION, "Api draft with a pinned story", Instant.parse("2024-03-09T10:00:00Z"),
                List.of(background.id()));
        Map<String, Object> edit = as(EDITOR).get(ARTICLES + "/" + story.id()).then().statusCode(200).extract().jsonPath()
                .getMap("");
        assertEquals(List.of((int) background.id()), edit.get("pinnedRelated"));

        edit.put("headline", "Api draft with a pinned story, edited");
        JsonPath sentBack = as(EDITOR).body(edit).put(ARTICLES + "/" + story.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(background.id()), sentBack.getList("pinnedRelated", Long.class), "an answer sent back keeps them");

        edit.remove("pinnedRelated");
        edit.put("version", sentBack.getLong("version"));
        JsonPath without = as(EDITOR).body(edit).put(ARTICLES + "/" + story.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(background.id()), without.getList("pinnedRelated", Long.class), "a client that never sends them keeps them");

        edit.put("pinnedRelated", List.of());
        edit.put("version", without.getLong("version"));
        JsonPath cleared = as(EDITOR).body(edit).put(ARTICLES + "/" + story.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), cleared.getList("pinnedRelated"), "an empty list removes them");
    }

    @Test
    void pinnedStoriesAreFoundByIdSlugOrAddressAndAnUnknownOneIsNamed() {
        ArticleView byAddress = content.publish(SECTION, "Api background pinned by address", Instant.parse("2024-03-05T10:00:00Z"));
        ArticleView bySlug = content.publish(SECTION, "Api background pinned by slug", Instant.parse("2024-03-06T10:00:00Z"));
        ArticleView byId = content.publish(SECTION, "Api background pinned by id", Instant.parse("2024-03-07T10:00:00Z"));
        String slug = bySlug.url().substring(bySlug.url().lastIndexOf('/') + 1);
        Map<String, Object> sent = article(SECTION, "Api story with pinned background");
        sent.put("pinnedRelated", List.of("http://localhost:8081" + byAddress.url(), slug, "api-no-such-story", byId.id()));

        Response refused = as(EDITOR).body(sent).post(ARTICLES);
        assertErrors(refused, 400, "pinnedRelated");
        assertEquals("No article matches 'api-no-such-story'", refused.jsonPath().getString("errors[0].message"));
        assertNoArticleMatches("Api story with pinned background");

        sent.put("pinnedRelated", List.of("http://localhost:8081" + byAddress.url(), slug, byId.id()));
        JsonPath saved = created(sent);
        assertEquals(List.of(byAddress.id(), bySlug.id(), byId.id()), saved.getList("pinnedRelated", Long.class));
        assertEquals(saved.getList("pinnedRelated", Long.class), as(EDITOR).queryParam("q", "Api story with pinned background")
                .get(ARTICLES).then().statusCode(200).extract().jsonPath().getList("articles[0].pinnedRelated", Long.class),
                "the list answers them too");

        Map<String, Object> tooMany = article(SECTION, "Api story with too many pins");
        tooMany.put("pinnedRelated", java.util.Collections.nCopies(11, slug));
        Response refusedMany = as(EDITOR).body(tooMany).post(ARTICLES);
        assertErrors(refusedMany, 400, "pinnedRelated");
        assertEquals("Pin at most 10 stories (there are 11)", refusedMany.jsonPath().getString("errors[0].message"));

        Map<String, Object> self = new java.util.HashMap<>(saved.getMap(""));
        self.put("pinnedRelated", List.of(saved.getString("slug")));
        Response itself = as(EDITOR).body(self).put(ARTICLES + "/" + saved.getLong("id"));
        assertErrors(itself, 400, "pinnedRelated");
        assertEquals("An article cannot be related to itself", itself.jsonPath().getString("errors[0].message"));
    }

    @Test
    void aStaleOrMissingVersionConflictsAndChangesNothing() {
        JsonPath draft = created(article(SECTION, "Api story edited twice at once"));
        String path = ARTICLES + "/" + draft.getLong("id");
        Map<String, Object> first = article(SECTION, "Api story, first edit");
        first.put("version", draft.getLong("version"));
        as(EDITOR).body(first).put(path).then().statusCode(200);

        Map<String, Object> stale = article(SECTION, "Api story, stale edit");
        stale.put("version", draft.getLong("version"));
        stale.put("status", "published");
        stale.put("publishedAt", "2024-03-05T10:00:00Z");
        assertErrors(as(EDITOR).body(stale).put(path), 409, "version");
        Map<String, Object> unversioned = article(SECTION, "Api story, unversioned edit");
        assertErrors(as(EDITOR).body(unversioned).put(path), 409, "version");

        JsonPath now = as(EDITOR).get(path).then().statusCode(200).extract().jsonPath();
        assertEquals("Api story, first edit", now.getString("headline"));
        assertEquals("draft", now.getString("status"));
        assertEquals(draft.getLong("version") + 1, now.getLong("version"));
    }

    @Test
    void putOnAnUnknownArticleIs404() {
        Map<String, Object> edit = article(SECTION, "Api edit of nothing");
        edit.put("version", 0);
        assertErrors(as(EDITOR).body(edit).put(ARTICLES + "/999999998"), 404, (String) null);
    }

    @Test
    void putCanUnpublish() {
        Map<String, Object> sent = article(SECTION, "Api story unpublished by put");
        sent.put("status", "published");
        sent.put("publishedAt", "2024-03-06T10:00:00Z");
        JsonPath live = created(sent);
        sent.put("status", "unpublished");
        sent.put("version", live.getLong("version"));

        JsonPath json = as(EDITOR).body(sent).put(ARTICLES + "/" + live.getLong("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("unpublished", json.getString("status"));
        given().redirects().follow(false).get(live.getString("url")).then().statusCode(404);
    }

    @Test
    void deleteUnpublishesAndKeepsTheArticle() {
        Map<String, Object> sent = article(SECTION, "Api story taken down by delete");
        sent.put("status", "published");
        sent.put("publishedAt", "2024-03-07T10:00:00Z");
        JsonPath live = created(sent);
        given().redirects().follow(false).get(live.getString("url")).then().statusCode(200);

        as(EDITOR).delete(ARTICLES + "/" + live.getLong("id")).then().statusCode(204);

        given().redirects().follow(false).get(live.getString("url")).then().statusCode(404);
        JsonPath kept = as(EDITOR).get(ARTICLES + "/" + live.getLong("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("unpublished", kept.getString("status"));
        assertEquals("Api story taken down by delete", kept.getString("headline"));
        assertErrors(as(EDITOR).delete(ARTICLES + "/999999997"), 404, (String) null);
    }

    private static JsonPath created(Map<String, Object> article) {
        return as(EDITOR).body(article).post(ARTICLES).then().statusCode(201).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** A refused request changes nothing: no article has this in its headline. */
    static void assertNoArticleMatches(String headline) {
        List<Object> found = as(EDITOR).queryParam("q", headline).get(ARTICLES).then().statusCode(200)
                .extract().jsonPath().getList("articles");
        assertEquals(List.of(), found, headline);
    }
}
