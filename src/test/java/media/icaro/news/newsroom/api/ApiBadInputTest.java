package media.icaro.news.newsroom.api;

import static io.restassured.RestAssured.given;
import static media.icaro.news.newsroom.api.ApiClient.ADMIN;
import static media.icaro.news.newsroom.api.ApiClient.EDITOR;
import static media.icaro.news.newsroom.api.ApiClient.article;
import static media.icaro.news.newsroom.api.ApiClient.as;
import static media.icaro.news.newsroom.api.ApiClient.assertErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import media.icaro.news.TestContent;

/**
 * What a word processor or a careless client sends: control characters, invisible direction
 * overrides, impossible dates and thousands of tags. Text is cleaned before it reaches the database
 * (PostgreSQL refuses a NUL) or a feed (XML cannot carry most control characters); the rest is refused.
 */
@QuarkusTest
class ApiBadInputTest {

    static final String SECTION = "api-bad-input";
    static final String ARTICLES = "/api/v1/articles";

    @Inject
    ApiClient client;

    @Inject
    TestContent content;

    @BeforeEach
    void setUp() {
        client.ensureAccounts();
        content.section(SECTION);
    }

    @Test
    void controlAndDirectionCharactersAreCleanedAndTheFeedsStayWellFormed() {
        Map<String, Object> sent = article(SECTION, "Pasted\u0000 from a word\u000Bprocessor \u202Eright to left\u202C");
        sent.put("standfirst", "Line one\u000Bline two\u0000\nline three\tand a tab");
        sent.put("body", "Body\u0000 text\r\nwith a\u0007 bell.\n\nSecond\tparagraph.");
        sent.put("tags", List.of("North\u000BKorea", "Nul\u0000tag"));
        sent.put("bylines", List.of("Ann\u0000 Smith", "Bob\u000BJones\u200F"));
        sent.put("source", "Wire\u0000 desk");
        sent.put("status", "published");
        sent.put("publishedAt", "2024-03-05T10:00:00+01:00");

        JsonPath json = as(EDITOR).body(sent).post(ARTICLES).then().statusCode(201).extract().jsonPath();

        assertEquals("Pasted from a word processor right to left", json.getString("headline"));
        assertEquals("Line one\nline two\nline three\tand a tab", json.getString("standfirst"), "multi-line: breaks and tabs stay");
        assertEquals("Body text\nwith a bell.\n\nSecond\tparagraph.", json.getString("body"));
        assertEquals(List.of("North Korea", "Nultag"), json.getList("tags"));
        assertEquals(List.of("Ann Smith", "Bob Jones"), json.getList("bylines"));
        assertEquals("Wire desk", json.getString("source"));
        for (String feed : List.of("/feed.xml", "/" + SECTION + "/feed.xml", "/tag/north-korea/feed.xml")) {
            assertTrue(categories(feed).contains("North Korea"), feed);
        }
    }

    @Test
    void aSectionNamePastedWithALineBreakKeepsItsFeedWellFormed() {
        JsonPath json = as(ADMIN).body(Map.of("slug", "api-bad-section", "name", "Bad\u000BSection\u0000",
                "description", "Described\u000Bwith\u0000 breaks")).post("/api/v1/sections")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("Bad Section", json.getString("name"));
        assertEquals("Described\nwith breaks", json.getString("description"));
        categories("/api-bad-section/feed.xml");
    }

    @Test
    void datesOutsideTheYears1900To2099AreRefusedAndTheFeedsStayUp() {
        for (String date : List.of("-999999999-01-01T00:00:00+00:00", "+999999999-12-31T23:59:59+00:00",
                "1899-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "0000-01-01T00:00:00Z")) {
            Map<String, Object> sent = article(SECTION, "Api story from year " + date);
            sent.put("status", "published");
            sent.put("publishedAt", date);
            assertErrors(as(EDITOR).body(sent).post(ARTICLES), 400, "publishedAt");
        }
        Map<String, Object> old = article(SECTION, "Api story from 1900");
        old.put("status", "published");
        old.put("publishedAt", "1900-01-01T12:00:00Z");
        as(EDITOR).body(old).post(ARTICLES).then().statusCode(201);
        for (String feed : List.of("/feed.xml", "/" + SECTION + "/feed.xml", "/sitemap.xml")) {
            given().get(feed).then().statusCode(200);
        }
    }

    @Test
    void atMostThirtyTagsAndTwentyBylines() {
        Map<String, Object> sent = article(SECTION, "Api story with ten thousand tags");
        sent.put("tags", IntStream.range(0, 10_000).mapToObj(i -> "Api tag " + i).toList());
        sent.put("bylines", IntStream.range(0, 21).mapToObj(i -> "Api writer " + i).toList());
        Response refused = as(EDITOR).body(sent).post(ARTICLES);
        assertErrors(refused, 400, "tags", "bylines");
        assertTrue(refused.jsonPath().getString("errors[0].message").contains("30"), refused.asString());

        sent.put("tags", IntStream.range(0, 30).mapToObj(i -> "Api tag " + i).toList());
        sent.put("bylines", IntStream.range(0, 20).mapToObj(i -> "Api writer " + i).toList());
        as(EDITOR).body(sent).post(ARTICLES).then().statusCode(201);
    }

    @Test
    void controlCharactersInListFiltersAreIgnored() {
        Map<String, Object> sent = article(SECTION, "Api filtered story");
        as(EDITOR).body(sent).post(ARTICLES).then().statusCode(201);
        List<String> plain = headlines(Map.of("section", SECTION, "q", "filtered"));
        assertFalse(plain.isEmpty());
        assertEquals(plain, headlines(Map.of("section", SECTION + "\u0000", "q", "filtered\u0000")));
        assertEquals(plain, headlines(Map.of("section", "\u000B" + SECTION, "q", "filt\u0000ered")));
    }

    private static List<String> headlines(Map<String, String> query) {
        return as(EDITOR).queryParams(query).get(ARTICLES).then().statusCode(200).extract().jsonPath()
                .getList("articles.headline");
    }

    /** The feed's category texts; parsing fails on a feed that is not well-formed. */
    private static List<String> categories(String path) {
        byte[] xml = given().get(path).then().statusCode(200).extract().asByteArray();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            NodeList categories = feed.getElementsByTagName("category");
            return IntStream.range(0, categories.getLength()).mapToObj(i -> categories.item(i).getTextContent()).toList();
        } catch (Exception e) {
            throw new AssertionError(path + " is not well-formed XML", e);
        }
    }
}
