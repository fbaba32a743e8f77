package media.icaro.news.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.PreviewLinks;
import media.icaro.news.media.ImageService;

/** JSON-LD, OpenGraph and Twitter card tags on article pages, read with Jackson and jsoup. */
@QuarkusTest
class StructuredDataTest {

    static final String SEED_URL = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";
    static final String SEED_HEADLINE = "Russia's Putin Arrives in North Korea for Summit with Kim Jong Un";
    static final ObjectMapper JSON = new ObjectMapper();
    /** A tiny valid PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaGAAAAEEAIFw9selAAAAAElFTkSuQmCC");

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    ImageService images;

    @Inject
    PreviewLinks previewLinks;

    @Test
    void seedStoryIsANewsArticle() throws IOException {
        Document page = TestContent.page(SEED_URL);
        JsonNode article = jsonLd(page).get(0);
        assertEquals("https://schema.org", article.get("@context").asText());
        assertEquals("NewsArticle", article.get("@type").asText());
        assertEquals(SEED_HEADLINE, article.get("headline").asText());
        assertTrue(article.get("description").asText().startsWith("President Vladimir Putin of Russia"));
        assertEquals("2024-06-18T19:15:00+02:00", article.get("datePublished").asText());
        assertEquals("2024-06-18T19:15:00+02:00", article.get("dateModified").asText(), "never updated");
        assertEquals(Xml.base() + SEED_URL, article.get("mainEntityOfPage").asText());
        assertEquals("Politics", article.get("articleSection").asText());
        List<String> keywords = texts(article.get("keywords"));
        assertTrue(keywords.containsAll(List.of("North Korea", "Russia", "Kim Jong Un")), keywords.toString());

        JsonNode author = article.get("author");
        assertEquals(1, author.size());
        assertEquals("Organization", author.get(0).get("@type").asText());
        assertEquals("ICARO Media Group", author.get(0).get("name").asText());
        assertEquals(Xml.base() + "/author/icaro-media-group", author.get(0).get("url").asText());
        Xml.answers200(author.get(0).get("url").asText());

        JsonNode publisher = article.get("publisher");
        assertEquals("NewsMediaOrganization", publisher.get("@type").asText());
        assertEquals("ICARO Media Group", publisher.get("name").asText());
        JsonNode logo = publisher.get("logo");
        assertEquals("ImageObject", logo.get("@type").asText());
        String logoUrl = logo.get("url").asText();
        byte[] png = given().get(Xml.path(logoUrl)).then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(logo.get("width").asInt(), image.getWidth());
        assertEquals(logo.get("height").asInt(), image.getHeight());
        assertTrue(image.getWidth() >= 600 && image.getHeight() >= 60, "a logo Google accepts");
        assertEquals(List.of(meta(page, "og:image")), texts(article.get("image")), "no feature image: the site's social image");
        assertNull(article.get("correction"));
    }

    @Test
    void breadcrumbsLeadFromTheHomePageThroughTheSection() {
        JsonNode breadcrumbs = jsonLd(TestContent.page(SEED_URL)).get(1);
        assertEquals("BreadcrumbList", breadcrumbs.get("@type").asText());
        JsonNode items = breadcrumbs.get("itemListElement");
        assertEquals(3, items.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode item = items.get(i);
            assertEquals("ListItem", item.get("@type").asText());
            assertEquals(i + 1, item.get("position").asInt());
            names.add(item.get("name").asText());
            Xml.answers200(item.get("item").asText());
        }
        assertEquals(List.of("ICARO Media Group", "Politics", SEED_HEADLINE), names);
        assertEquals(Xml.base() + "/", items.get(0).get("item").asText());
        assertEquals(Xml.base() + "/politics", items.get(1).get("item").asText());
        assertEquals(Xml.base() + SEED_URL, items.get(2).get("item").asText());
    }

    @Test
    void seedStoryHasOpenGraphAndTwitterTags() throws IOException {
        Document page = TestContent.page(SEED_URL);
        assertEquals("article", meta(page, "og:type"));
        assertEquals(SEED_HEADLINE, meta(page, "og:title"));
        assertTrue(meta(page, "og:description").startsWith("President Vladimir Putin of Russia"));
        assertEquals(Xml.base() + SEED_URL, meta(page, "og:url"));
        assertEquals(page.selectFirst("link[rel=canonical]").attr("href"), meta(page, "og:url"));
        assertTrue(meta(page, "og:image").matches(Pattern.quote(Xml.base()) + "/static/social\\.[a-z0-9]{12}\\.png"), meta(page, "og:image"));
        byte[] png = given().get(Xml.path(meta(page, "og:image"))).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, image.getWidth(), "the size link previews show large");
        assertEquals(630, image.getHeight());
        assertEquals("1200", meta(page, "og:image:width"));
        assertEquals("630", meta(page, "og:image:height"));
        assertEquals("ICARO Media Group", meta(page, "og:image:alt"), "what the default picture shows");
        assertEquals("ICARO Media Group", meta(page, "og:site_name"));
        assertEquals("2024-06-18T19:15:00+02:00", meta(page, "article:published_time"));
        assertEquals("2024-06-18T19:15:00+02:00", meta(page, "article:modified_time"));
        assertEquals("Politics", meta(page, "article:section"));
        List<String> tags = page.select("meta[property=article:tag]").eachAttr("content");
        assertTrue(tags.containsAll(List.of("Russia", "North Korea", "Kim Jong Un")), tags.toString());
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals("max-image-preview:large", page.selectFirst("meta[name=robots]").attr("content"));
    }

    @Test
    void opinionIsAnOpinionNewsArticleByItsWriter() {
        ArticleView opinion = content.create(ArticleInput.builder().headline("Feed opinion: structured data matters")
                .standfirst("Why it matters").body("Body of the opinion.").section(section()).kind(Article.Kind.OPINION)
                .publishedAt(Instant.parse("2024-02-02T09:00:00Z")).bylines(List.of("Feed Columnist"))
                .tags(List.of("feed-opinions")).disclaimerMode(Article.DisclaimerMode.SITE_DEFAULT).build(),
                EditorialService.Action.PUBLISH);
        JsonNode article = jsonLd(TestContent.page(opinion.url())).get(0);
        assertEquals("OpinionNewsArticle", article.get("@type").asText());
        assertEquals("Why it matters", article.get("description").asText());
        JsonNode author = article.get("author").get(0);
        assertEquals("Person", author.get("@type").asText());
        assertEquals("Feed Columnist", author.get("name").asText());
        assertEquals(Xml.base() + "/author/feed-columnist", author.get("url").asText());
        assertEquals(List.of("feed-opinions"), texts(article.get("keywords")));
    }

    @Test
    void correctionsAreListedAndMoveTheModificationDate() {
        ArticleView story = content.publish(section(), "Feed story that was corrected", Instant.parse("2024-02-03T09:00:00Z"));
        editorial.correct(story.id(), "An earlier version misspelt a <name> & a place.", Editor.SYSTEM);
        Document page = TestContent.page(story.url());
        JsonNode article = jsonLd(page).get(0);
        JsonNode corrections = article.get("correction");
        assertEquals(1, corrections.size());
        assertEquals("CorrectionComment", corrections.get(0).get("@type").asText());
        assertEquals("An earlier version misspelt a <name> & a place.", corrections.get(0).get("text").asText());
        OffsetDateTime corrected = OffsetDateTime.parse(corrections.get(0).get("datePublished").asText());
        assertTrue(corrected.toInstant().isAfter(Instant.now().minusSeconds(120)));
        assertEquals(corrected, OffsetDateTime.parse(article.get("dateModified").asText()), "a correction updates the story");
        assertEquals(article.get("dateModified").asText(), meta(page, "article:modified_time"));
        assertEquals("2024-02-03T10:00:00+01:00", article.get("datePublished").asText());
    }

    @Test
    void featureImageIsSharedLargeInItsWidestVersion() throws IOException {
        ArticleView story = content.publishWithPicture(section(), "Feed story with a picture", Instant.parse("2024-02-04T09:00:00Z"),
                2400, 1350, "A wide harbour");
        long image = story.image().picture().id();
        Document page = TestContent.page(story.url());
        assertEquals(Xml.base() + "/media/" + image + "/1600", meta(page, "og:image"));
        assertEquals("1600", meta(page, "og:image:width"));
        assertEquals("900", meta(page, "og:image:height"));
        assertEquals("A wide harbour", meta(page, "og:image:alt"));
        assertEquals("summary_large_image", page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals(List.of(Xml.base() + "/media/" + image + "/1600"), texts(jsonLd(page).get(0).get("image")));
        byte[] jpeg = given().get("/media/" + image + "/1600").then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertEquals(1600, ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth());
    }

    @Test
    void aSmallFeatureImageIsSharedAsItIsBesideTheLink() {
        long image = images.store(images.prepare(PNG, "image"));
        ArticleView story = content.create(TestContent.story(section(), "Feed story with a tiny picture", Instant.parse("2024-02-04T10:00:00Z"))
                .body("Body.").bylines(List.of("Feed Photographer")).imageId(image).imageAlt("A green dot").build(),
                EditorialService.Action.PUBLISH);
        Document page = TestContent.page(story.url());
        assertEquals(Xml.base() + "/media/" + image, meta(page, "og:image"), "no smaller version: the original");
        assertEquals("1", meta(page, "og:image:width"));
        assertEquals("A green dot", meta(page, "og:image:alt"));
        assertEquals("summary", page.selectFirst("meta[name=twitter:card]").attr("content"), "too small to show large");
        given().get("/media/" + image).then().statusCode(200).contentType("image/png");
    }

    @Test
    void aHeadlineCannotBreakOutOfTheJsonLd() {
        String headline = "Feed </script><script>alert(1)</script> <!-- & --> café test";
        ArticleView story = content.publish(section(), headline, Instant.parse("2024-02-05T09:00:00Z"));
        String html = given().get(story.url()).then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>"), "no script element from the headline");
        assertTrue(html.contains("\\u003c/script\\u003e"), "escaped inside the JSON");
        Document page = Jsoup.parse(html);
        assertEquals(2, page.select("script").size(), "exactly the two JSON-LD scripts");
        assertEquals(2, page.select("script[type=application/ld+json]").size());
        List<JsonNode> data = jsonLd(page);
        assertEquals(headline, data.get(0).get("headline").asText());
        assertTrue(page.selectFirst("script").data().contains(" café "), "other text stays as it is");
        assertEquals(headline, data.get(1).get("itemListElement").get(2).get("name").asText());
        assertEquals(headline, meta(page, "og:title"));
        assertEquals(headline, page.selectFirst("h1").text());
    }

    @Test
    void previewsCarryNoneOfIt() {
        ArticleView draft = content.draft(section(), "Feed draft with nothing to share", Instant.parse("2024-02-06T09:00:00Z"), List.of());
        String html = given().get(previewLinks.linkFor(draft.id(), Instant.now())).then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals("Feed draft with nothing to share", page.selectFirst("h1").text());
        assertTrue(page.select("script").isEmpty());
        assertTrue(page.select("meta[property]").isEmpty(), "no OpenGraph");
        assertTrue(page.select("meta[name=twitter:card], link[rel=canonical]").isEmpty());
        assertEquals("noindex, nofollow", page.selectFirst("meta[name=robots]").attr("content"));
    }

    private String section() {
        return content.section("feed-structured").slug();
    }

    /** Every script of the page, which must all be JSON-LD, parsed. */
    static List<JsonNode> jsonLd(Document page) {
        List<JsonNode> data = new ArrayList<>();
        for (Element script : page.select("script")) {
            assertEquals("application/ld+json", script.attr("type"));
            try {
                data.add(JSON.readTree(script.data()));
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + script.data(), e);
            }
        }
        assertEquals(2, data.size(), "the article and its breadcrumbs");
        return data;
    }

    static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "]");
        assertTrue(meta != null, "no " + property);
        String value = meta.attr("content");
        assertFalse(value.isBlank(), property);
        return value;
    }

    static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), String.valueOf(array));
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
