package media.icaro.news.article;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.media.ImageService;

/** Feature images as readers' browsers fetch them, and who may fetch those of unpublished stories. */
@QuarkusTest
class FeatureImagePageTest {

    static final String PASSWORD = "picture-desk-password";
    static final String PUBLIC = "public, max-age=31536000, immutable";

    @Inject
    ImageService images;

    @Inject
    TestContent content;

    @Inject
    EditorialService editorial;

    @Inject
    AccountService accounts;

    @Inject
    PreviewLinks previewLinks;

    @BeforeEach
    void section() {
        content.section("pictures");
        if (accounts.find("picture-writer").isEmpty()) {
            accounts.create("picture-writer", "Picture Writer", Account.Role.CONTRIBUTOR, PASSWORD);
            accounts.create("picture-editor", "Picture Editor", Account.Role.EDITOR, PASSWORD);
        }
    }

    @Test
    void aLargeImageArrivesWholeWithItsLength() throws IOException {
        byte[] png = noise(400, 300, 1);
        String url = published("A story with a noisy picture", png);
        Response response = given().get(url);
        assertEquals(200, response.statusCode());
        assertEquals("image/png", response.contentType());
        assertEquals(String.valueOf(png.length), response.header("Content-Length"));
        assertArrayEquals(png, response.asByteArray(), "every piece, in order");
        assertEquals(PUBLIC, response.header("Cache-Control"));
    }

    @Test
    void aBrowserThatHoldsTheImageGetsA304WithoutTheBytes() throws IOException {
        String url = published("A story whose picture is cached", noise(64, 64, 2));
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        Response again = given().header("If-None-Match", etag).get(url);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.asByteArray().length);
        assertEquals(etag, again.header("ETag"));
        assertEquals(PUBLIC, again.header("Cache-Control"));

        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
        given().header("If-None-Match", "\"something-else\", " + etag).get(url).then().statusCode(304);
    }

    @Test
    void aSmallerVersionIsAJpegCachedLikeTheOriginalAndOnlyTheVersionsMadeExist() throws IOException {
        String original = published("A story whose picture comes smaller", noise(700, 500, 6));
        Response response = given().get(original + "/640");
        assertEquals(200, response.statusCode());
        assertEquals("image/jpeg", response.contentType());
        assertEquals(PUBLIC, response.header("Cache-Control"));
        assertEquals(String.valueOf(response.asByteArray().length), response.header("Content-Length"));
        BufferedImage served = ImageIO.read(new java.io.ByteArrayInputStream(response.asByteArray()));
        assertEquals(640, served.getWidth());
        assertEquals(457, served.getHeight(), "700 × 500 at 640 wide");

        String etag = response.header("ETag");
        assertEquals(304, given().header("If-None-Match", etag).get(original + "/640").statusCode());
        assertEquals(200, given().header("If-None-Match", etag).get(original + "/320").statusCode(), "each version its own tag");

        given().get(original + "/1024").then().statusCode(404);
        given().get(original + "/500").then().statusCode(404);
        given().get(original + "/0").then().statusCode(404);
        given().get(original + "/99999").then().statusCode(404);
        given().get(original + "/abc").then().statusCode(404);
    }

    @Test
    void anUnknownImageIsNotFound() {
        given().get("/media/987654321").then().statusCode(404);
        given().header("If-None-Match", "\"img-987654321\"").get("/media/987654321").then().statusCode(404);
    }

    @Test
    void aDraftsImageIsForTheNewsroomAndPreviewLinksOnlyAndNeverCachedPublicly() throws IOException {
        long image = images.store(images.prepare(noise(400, 300, 3), "image"));
        ArticleView draft = content.create(input("A draft with an embargoed picture", image, Instant.parse("2024-03-02T09:00:00Z")),
                EditorialService.Action.SAVE);
        String url = "/media/" + image;
        String smaller = url + "/320";

        given().get(url).then().statusCode(404);
        given().get(smaller).then().statusCode(404);
        given().header("If-None-Match", "\"img-" + image + "\"").get(url).then().statusCode(404);
        given().header("If-None-Match", "\"img-" + image + "-320\"").get(smaller).then().statusCode(404);

        NewsroomSession editor = NewsroomSession.signIn("picture-editor", PASSWORD);
        for (String address : List.of(url, smaller)) {
            Response newsroom = editor.request().get(address);
            assertEquals(200, newsroom.statusCode(), address);
            assertEquals("no-store", newsroom.header("Cache-Control"), address);
        }
        NewsroomSession writer = NewsroomSession.signIn("picture-writer", PASSWORD);
        assertEquals(404, writer.request().get(url).statusCode(), "contributors see only their own drafts");
        assertEquals(404, writer.request().get(smaller).statusCode());

        String link = previewLinks.linkFor(draft.id(), Instant.now());
        String previewed = TestContent.page(link).selectFirst("figure.feature-image img").attr("src");
        Response outside = given().get(previewed);
        assertEquals(200, outside.statusCode());
        assertEquals("no-store", outside.header("Cache-Control"));
        assertEquals("no-store", given().header("If-None-Match", outside.header("ETag")).get(previewed).header("Cache-Control"));
        given().get(previewed.replaceAll("sig=[^&]+", "sig=forged")).then().statusCode(404);
        given().get(previewed.replaceAll("expires=\\d+", "expires=1000")).then().statusCode(404);
        given().get(previewed.replace("/media/" + image, "/media/" + (image + 1))).then().statusCode(404);

        editorial.update(draft.id(), editorial.load(draft.id()).version(), editorial.load(draft.id()).input(),
                EditorialService.Action.PUBLISH, Editor.SYSTEM);
        given().get(url).then().statusCode(200).header("Cache-Control", PUBLIC);
        given().get(smaller).then().statusCode(200).header("Cache-Control", PUBLIC);

        editorial.unpublish(draft.id(), Editor.SYSTEM);
        given().get(url).then().statusCode(404);
        given().get(smaller).then().statusCode(404);
    }

    @Test
    void aContributorSeesTheImageOfTheirOwnDraft() throws IOException {
        long image = images.store(images.prepare(noise(16, 16, 5), "image"));
        editorial.create(input("A contributor's draft with a picture", image, Instant.parse("2024-03-03T09:00:00Z")),
                EditorialService.Action.SAVE, new Editor("picture-writer", false));
        Response own = NewsroomSession.signIn("picture-writer", PASSWORD).request().get("/media/" + image);
        assertEquals(200, own.statusCode());
        assertEquals("no-store", own.header("Cache-Control"));
    }

    @Test
    void aScheduledStorysImageWaitsForItsTime() throws IOException {
        long image = images.store(images.prepare(noise(16, 16, 4), "image"));
        content.create(input("A scheduled story with a picture", image, Instant.now().plusSeconds(3600)),
                EditorialService.Action.SCHEDULE);
        given().get("/media/" + image).then().statusCode(404);
    }

    /** Publishes a story with this feature image and gives the address of the original. */
    String published(String headline, byte[] image) {
        long id = images.store(images.prepare(image, "image"));
        ArticleView story = content.create(input(headline, id, Instant.parse("2024-03-01T09:00:00Z")), EditorialService.Action.PUBLISH);
        assertEquals(id, story.image().picture().id());
        return "/media/" + id;
    }

    static ArticleInput input(String headline, long image, Instant publishedAt) {
        return TestContent.story("pictures", headline, publishedAt).body("Body.").bylines(List.of("Picture Desk"))
                .imageId(image).imageAlt("Noise").build();
    }

    /** A PNG of random pixels, which do not compress. */
    static byte[] noise(int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
