package media.icaro.news.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.TestContent;
import media.icaro.news.media.ImageService;

/** Feature images as pages show them: in the size the screen needs, with their room kept, and lazily below the fold. */
@QuarkusTest
class PicturesTest {

    static final String SECTION = "photo-desk";
    /** Before April 2024: FirstStartTest counts newer stories as demo content. */
    static final Instant AT = Instant.parse("2024-03-12T08:00:00Z");

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    ImageService images;

    @Inject
    PreviewLinks previewLinks;

    @BeforeEach
    void section() {
        content.section(SECTION);
    }

    @Test
    void theArticlesPictureOffersEveryVersionAndLoadsFirst() throws IOException {
        ArticleView story = content.publishWithPicture(SECTION, "A harbour at dawn, in every size", AT, 1200, 800, "Boats at dawn");
        long id = story.image().picture().id();
        Element img = TestContent.page(story.url()).selectFirst("figure.feature-image img");

        assertEquals("Boats at dawn", img.attr("alt"));
        assertEquals("1200", img.attr("width"));
        assertEquals("800", img.attr("height"));
        assertEquals("/media/" + id + "/1024", img.attr("src"), "a browser without srcset gets a column's width");
        assertEquals("/media/%1$d/320 320w, /media/%1$d/640 640w, /media/%1$d/1024 1024w, /media/%1$d 1200w".formatted(id),
                img.attr("srcset"), "every version, and the original, which is not much wider");
        assertEquals("(min-width: 44rem) 42rem, calc(100vw - 2rem)", img.attr("sizes"));
        assertEquals("high", img.attr("fetchpriority"), "the page's main picture comes first");
        assertFalse(img.hasAttr("loading"), "and is never lazy");

        for (String candidate : img.attr("srcset").split(", ")) {
            String[] parts = candidate.split(" ");
            int width = Integer.parseInt(parts[1].replace("w", ""));
            BufferedImage served = ImageIO.read(new ByteArrayInputStream(given().get(parts[0]).then().statusCode(200)
                    .extract().asByteArray()));
            assertEquals(width, served.getWidth(), candidate);
            assertEquals(Math.round(width * 800 / 1200.0), served.getHeight(), candidate + ": the original's aspect");
        }
    }

    @Test
    void aVeryLargeOriginalStaysOutOfTheChoice() {
        ArticleView story = content.publishWithPicture(SECTION, "A panorama too wide to send whole", AT.plusSeconds(60), 3000, 1000,
                "The whole bay");
        long id = story.image().picture().id();
        Element img = TestContent.page(story.url()).selectFirst("figure.feature-image img");
        assertEquals("/media/%1$d/320 320w, /media/%1$d/640 640w, /media/%1$d/1024 1024w, /media/%1$d/1600 1600w".formatted(id),
                img.attr("srcset"), "no screen needs 3,000 pixels for a column of 42rem");
        assertEquals("3000", img.attr("width"));
        assertEquals("1000", img.attr("height"));
    }

    @Test
    void listingsShowAThumbnailWhereTheStoryHasOne() {
        content.section("photo-list");
        ArticleView pictured = content.create(TestContent.input("photo-list", "A listed story with a picture", AT, List.of(),
                "photo-topic").toBuilder().bylines(List.of("Photo Lister")).imageId(stored(900, 600)).imageAlt("A market stall").build(),
                EditorialService.Action.PUBLISH);
        // Newer, so that it leads the section's page and the pictured one is listed as a card there too.
        ArticleView plain = content.publish("photo-list", "A listed story without one", AT.plusSeconds(3600), "photo-topic");
        long id = pictured.image().picture().id();

        for (String path : new String[] { "/photo-list", "/tag/photo-topic", "/author/photo-lister" }) {
            Document page = TestContent.page(path);
            Element card = cardOf(page, pictured.url());
            Element img = card.selectFirst("img.card-picture");
            assertNotNull(img, path);
            assertEquals("A market stall", img.attr("alt"), path);
            assertEquals("900", img.attr("width"), path);
            assertEquals("600", img.attr("height"), path);
            assertEquals("/media/%1$d/320 320w, /media/%1$d/640 640w, /media/%1$d 900w".formatted(id), img.attr("srcset"), path);
            assertEquals("(min-width: 40rem) 10rem, 7.5rem", img.attr("sizes"), path);
            assertEquals("lazy", img.attr("loading"), path);
            assertEquals("async", img.attr("decoding"), path);
            assertFalse(img.hasAttr("fetchpriority"), path);
            given().get(img.attr("src")).then().statusCode(200);
            if (page.location().endsWith("/photo-list")) {
                assertNull(page.selectFirst(".lead-story img"), "the lead has no picture, so no img");
            }
        }
    }

    @Test
    void searchResultsShowAThumbnailWhereTheStoryHasOne() {
        content.section("photo-search");
        ArticleView pictured = content.create(TestContent.input("photo-search", "Quaysidepelicans nest on the pier", AT, List.of())
                .toBuilder().imageId(stored(900, 600)).imageAlt("Pelicans on a pier").build(), EditorialService.Action.PUBLISH);
        ArticleView plain = content.publish("photo-search", "Quaysidepelicans leave the pier", AT.minusSeconds(60));
        content.settle();
        Document page = TestContent.page("/search?q=quaysidepelicans");
        Element hit = page.selectFirst(".search-results .card-headline a[href=" + pictured.url() + "]").closest("article");
        Element img = hit.selectFirst("img.card-picture");
        assertNotNull(img, hit.outerHtml());
        assertEquals("Pelicans on a pier", img.attr("alt"));
        assertEquals("lazy", img.attr("loading"));
        assertNull(page.selectFirst(".search-results .card-headline a[href=" + plain.url() + "]").closest("article").selectFirst("img"));
    }

    @Test
    void theFrontPagesLeadPictureLoadsAtOnceAndItsCardsLazily() {
        content.section("photo-front");
        ArticleView card = content.publishWithPicture("photo-front", "A front page card with a picture", AT, 800, 600, "A card's picture");
        // Newer than every other story here, so it leads, until it is unpublished below.
        ArticleView lead = content.publishWithPicture("photo-front", "A pictured lead story", Instant.now().minusSeconds(60), 1600, 900,
                "A lead's picture");
        try {
            Document front = TestContent.page("/");
            assertEquals(lead.url(), front.selectFirst(".lead-story .lead-headline a").attr("href"));
            Element leadImg = front.selectFirst(".lead-story img.lead-picture");
            assertEquals("A lead's picture", leadImg.attr("alt"));
            assertEquals("1600", leadImg.attr("width"));
            assertEquals("900", leadImg.attr("height"));
            assertEquals("high", leadImg.attr("fetchpriority"), "above the fold");
            assertFalse(leadImg.hasAttr("loading"));
            assertTrue(leadImg.attr("srcset").contains("/media/" + lead.image().picture().id() + "/1024 1024w"));

            Element cardImg = cardOf(front, card.url()).selectFirst("img.card-picture");
            assertEquals("lazy", cardImg.attr("loading"));
            assertEquals("(min-width: 36rem) 23rem, 7.5rem", cardImg.attr("sizes"), "a grid column, or a phone's thumbnail beside the headline");
            assertEquals("800", cardImg.attr("width"));
        } finally {
            editorial.unpublish(lead.id(), Editor.SYSTEM);
        }
        assertFalse(TestContent.page("/").selectFirst(".lead-story .lead-headline a").attr("href").equals(lead.url()));
    }

    @Test
    void aPreviewLinksPictureVersionsCarryItsSignature() {
        ArticleView draft = content.create(TestContent.input(SECTION, "A pictured draft seen through a preview link", AT, List.of())
                .toBuilder().imageId(stored(700, 350)).imageAlt("A draft's picture").build(), EditorialService.Action.SAVE);
        long id = draft.image().picture().id();
        given().get("/media/" + id + "/320").then().statusCode(404);
        String link = previewLinks.linkFor(draft.id(), Instant.now());
        Element img = TestContent.page(link).selectFirst("figure.feature-image img");
        String smaller = img.attr("srcset").split(" ")[0];
        assertTrue(smaller.startsWith("/media/" + id + "/320?expires="), smaller);
        Response response = given().get(smaller);
        assertEquals(200, response.statusCode());
        assertEquals("image/jpeg", response.contentType());
        assertEquals("no-store", response.header("Cache-Control"));
        given().get(smaller.replace("/320?", "/640?")).then().statusCode(200);
        given().get(smaller.replace("/320?", "/1024?")).then().statusCode(404);
        given().get(smaller.replaceAll("sig=[^&]+", "sig=forged")).then().statusCode(404);
    }

    private long stored(int width, int height) {
        return images.store(images.prepare(TestContent.picture(width, height), "image"));
    }

    private static Element cardOf(Document page, String url) {
        Element link = page.selectFirst(".card-headline a[href=" + url + "]");
        assertNotNull(link, url + " on " + page.location());
        return link.closest("article");
    }
}
