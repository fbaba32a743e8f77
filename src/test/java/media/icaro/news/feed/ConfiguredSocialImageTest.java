package media.icaro.news.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import media.icaro.news.TestContent;

/** A site that sets its own social image (SITE_SOCIAL_IMAGE and its size) shares it for stories without a picture. */
@QuarkusTest
@TestProfile(ConfiguredSocialImageTest.OwnPicture.class)
class ConfiguredSocialImageTest {

    static final String SHARED = "https://cdn.example.org/brand/share-card.jpg";

    public static class OwnPicture implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("site.social-image", SHARED, "site.social-image-width", "1600", "site.social-image-height", "840");
        }
    }

    @Test
    void aStoryWithoutAPictureSharesTheConfiguredOne() {
        Document page = TestContent.page(StructuredDataTest.SEED_URL);
        assertEquals(SHARED, StructuredDataTest.meta(page, "og:image"));
        assertEquals("1600", StructuredDataTest.meta(page, "og:image:width"));
        assertEquals("840", StructuredDataTest.meta(page, "og:image:height"));
        assertEquals(List.of(SHARED), StructuredDataTest.texts(StructuredDataTest.jsonLd(page).get(0).get("image")));
    }
}
