package media.icaro.news.media;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;

/** Images stored before smaller versions were made get them after start, once, whoever makes them. */
@QuarkusTest
class RenditionBackfillTest {

    static final String SECTION = "backfill";
    /** Before April 2024: FirstStartTest counts newer stories as demo content. */
    static final Instant AT = Instant.parse("2024-03-15T07:00:00Z");

    @Inject
    TestContent content;

    @Inject
    RenditionBackfill backfill;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void section() {
        content.section(SECTION);
    }

    @Test
    void anOldImageGetsItsVersionsAndPagesShowThemAtOnce() {
        ArticleView story = content.publishWithPicture(SECTION, "A story pictured before versions were made", AT, 800, 600, "An old quay");
        long id = story.image().picture().id();
        asBeforeVersions(id);

        Element before = TestContent.page(story.url()).selectFirst("figure.feature-image img");
        assertEquals("/media/" + id, before.attr("src"), "only the original so far");
        assertFalse(before.hasAttr("srcset"));
        assertFalse(before.hasAttr("width"));
        assertNull(cardOf(story).selectFirst("img"), "no listing shows a 5 MB original as a thumbnail");
        given().get("/media/" + id + "/320").then().statusCode(404);

        backfill.run();

        Element after = TestContent.page(story.url()).selectFirst("figure.feature-image img");
        assertEquals("/media/%1$d/320 320w, /media/%1$d/640 640w, /media/%1$d 800w".formatted(id), after.attr("srcset"),
                "the page cached before is not served again");
        assertEquals("800", after.attr("width"));
        assertEquals("600", after.attr("height"));
        assertNotNull(cardOf(story).selectFirst("img.card-picture, img.lead-picture"));
        given().get("/media/" + id + "/320").then().statusCode(200).contentType("image/jpeg");
        assertEquals(List.of(320, 640), renditionWidths(id));

        backfill.run();
        assertEquals(List.of(320, 640), renditionWidths(id), "made once");
    }

    @Test
    void twoInstancesAtOnceStoreEachImageOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = content.publishWithPicture(SECTION, "A story pictured long ago, number " + i, AT.minusSeconds(600 * (i + 1)),
                    700, 400, "Picture " + i).image().picture().id();
            asBeforeVersions(id);
            ids.add(id);
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = instances.submit(backfill::run);
            Future<?> other = instances.submit(backfill::run);
            one.get();
            other.get();
        } finally {
            instances.shutdown();
        }
        for (long id : ids) {
            assertEquals(List.of(320, 640), renditionWidths(id), "image " + id);
            assertEquals("320 640", storedWidths(id));
        }
    }

    @Test
    void anImageThatCannotBeDecodedKeepsItsOriginalAndIsNotTriedAgain() {
        ArticleView story = content.publishWithPicture(SECTION, "A story whose old picture is damaged", AT.minusSeconds(60), 600, 500,
                "A damaged picture");
        long id = story.image().picture().id();
        asBeforeVersions(id);
        byte[] damaged = Arrays.copyOf(TestContent.picture(600, 500), 100);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("UPDATE image SET data = ?1, byte_size = ?2 WHERE id = ?3")
                .setParameter(1, damaged).setParameter(2, damaged.length).setParameter(3, id).executeUpdate());

        backfill.run();
        assertEquals("", storedWidths(id), "none made, and none to try again");
        assertEquals(List.of(), renditionWidths(id));
        Element img = TestContent.page(story.url()).selectFirst("figure.feature-image img");
        assertEquals("600", img.attr("width"), "the size its header gives");
        assertEquals("/media/" + id, img.attr("src"));
        assertFalse(img.hasAttr("srcset"), "nothing to choose from");
    }

    private static Element cardOf(ArticleView story) {
        return TestContent.page("/" + SECTION).selectFirst(".card-headline a[href=" + story.url() + "], .lead-headline a[href=" + story.url() + "]").closest("article");
    }

    /** As an image stored before migration V12 is: no size, no versions. */
    private void asBeforeVersions(long id) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM image_rendition WHERE image_id = ?1").setParameter(1, id).executeUpdate();
            entityManager.createNativeQuery("UPDATE image SET width = NULL, height = NULL, rendition_widths = NULL WHERE id = ?1")
                    .setParameter(1, id).executeUpdate();
        });
    }

    private List<Integer> renditionWidths(long id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select r.width from ImageRendition r where r.imageId = ?1 order by r.width", Integer.class)
                .setParameter(1, id).getResultList());
    }

    private String storedWidths(long id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select i.renditionWidths from Image i where i.id = ?1", String.class).setParameter(1, id).getSingleResult());
    }
}
