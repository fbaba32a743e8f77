package media.icaro.news.media;

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

import media.icaro.news.TestContent;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.EditorialService;

/** Feature images as readers' browsers fetch them. */
@QuarkusTest
class ImagePageTest {

    @Inject
    ImageService images;

    @Inject
    TestContent content;

    @BeforeEach
    void section() {
        content.section("pictures");
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
        assertEquals("public, max-age=31536000, immutable", response.header("Cache-Control"));
    }

    @Test
    void aBrowserThatHoldsTheImageGetsA304WithoutTheBytes() throws IOException {
        String url = published("A story whose picture is cached", noise(64, 64, 2));
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        Response again = given().header("If-None-Match", etag).get(url);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.asByteArray().length);
        assertEquals(etag, again.header("ETag"));
        assertEquals("public, max-age=31536000, immutable", again.header("Cache-Control"));

        given().header("If-None-Match", "\"something-else\"").get(url).then().statusCode(200);
        given().header("If-None-Match", "\"something-else\", " + etag).get(url).then().statusCode(304);
    }

    @Test
    void anUnknownImageIsNotFound() {
        given().get("/media/987654321").then().statusCode(404);
        given().header("If-None-Match", "\"img-987654321\"").get("/media/987654321").then().statusCode(404);
    }

    /** Publishes a story with this feature image and gives the image's address from its page. */
    String published(String headline, byte[] image) {
        long id = images.store(image, "image");
        var story = content.create(new ArticleInput(headline, null, null, "Body.", "pictures", Article.Kind.NEWS,
                Instant.parse("2024-03-01T09:00:00Z"), List.of("Picture Desk"), List.of(), Article.DisclaimerMode.NONE,
                null, null, List.of(), id, "Noise", null, null, false), EditorialService.Action.PUBLISH);
        return TestContent.page(story.url()).selectFirst("figure.feature-image img").attr("src");
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
