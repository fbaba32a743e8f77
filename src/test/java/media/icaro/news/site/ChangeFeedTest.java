package media.icaro.news.site;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import media.icaro.news.TestContent;
import media.icaro.news.article.ArticleView;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.section.SectionView;

/**
 * The change feed, with H2 standing in for the shared database: another instance's write is a change
 * to the tables plus a row in {@code content_change} with another origin, as that instance's commit
 * leaves them. {@code site.TwoInstancesIT} runs two real instances on PostgreSQL.
 */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*",
        disabledReason = "runs the feed on an H2 database of its own; on PostgreSQL, site/TwoInstancesIT covers it")
@TestProfile(ChangeFeedTest.FeedOn.class)
class ChangeFeedTest {

    public static class FeedOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.change-feed.enabled", "true", "news.change-feed.gap-wait", "PT3S",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:change-feed;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    TestContent content;

    @Inject
    EntityManager entityManager;

    @Inject
    ContentChangeRepository changes;

    @Test
    void aLocalWriteIsRecordedForTheOtherInstancesInItsOwnTransaction() {
        long before = QuarkusTransaction.requiringNew().call(changes::lastId);
        content.section("feed-local");
        ArticleView story = content.publish("feed-local", "Feed records a local write", Instant.now().minusSeconds(60));
        List<ContentChange> recorded = QuarkusTransaction.requiringNew().call(() -> changes.after(before));
        assertTrue(recorded.stream().anyMatch(c -> c.subject == ContentChanged.Subject.ARTICLE && c.subjectId == story.id()),
                "the publish is in the feed");
    }

    @Test
    void anotherInstancesEditReachesPagesAndSearchWithinTwoSeconds() {
        content.section("feed-remote");
        ArticleView story = content.publish("feed-remote", "Dockside market reopens", Instant.now().minusSeconds(60));
        content.settle();
        assertTrue(page(story.url()).contains("Dockside market reopens"));
        assertTrue(page("/feed-remote").contains("Dockside market reopens"));
        assertFalse(page("/search?q=quayside").contains(story.url()));

        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createQuery("update Article a set a.headline = ?1, a.modifiedAt = ?2 where a.id = ?3")
                    .setParameter(1, "Quayside market reopens").setParameter(2, Instant.now()).setParameter(3, story.id())
                    .executeUpdate();
            insertChange("ARTICLE", story.id());
        });
        awaitTrue(() -> page(story.url()).contains("Quayside market reopens"), "the article page");
        assertTrue(page("/feed-remote").contains("Quayside market reopens"), "the section page");
        assertTrue(page("/search?q=quayside").contains(story.url()), "search");
    }

    @Test
    void aChangeThatCommitsAfterALaterNumberedOneIsStillApplied() throws Exception {
        SectionView early = content.section("feed-early");
        SectionView late = content.section("feed-late");
        page("/feed-early");
        page("/feed-late");

        // The early change takes its number first and commits last: its transaction is still running
        // while a later-numbered change commits and is applied.
        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> earlyWrite = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            renameBehindTheBack(early.id(), "Early Section Renamed");
            insertChange("SECTION", early.id());
            entityManager.flush();
            numbered.countDown();
            try {
                mayCommit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(numbered.await(10, TimeUnit.SECONDS));
        QuarkusTransaction.requiringNew().run(() -> {
            renameBehindTheBack(late.id(), "Late Section Renamed");
            insertChange("SECTION", late.id());
        });
        awaitTrue(() -> navigation("/feed-late").contains("Late Section Renamed"), "the later number");
        assertFalse(navigation("/feed-early").contains("Early Section Renamed"), "not committed yet");

        mayCommit.countDown();
        earlyWrite.get(10, TimeUnit.SECONDS);
        awaitTrue(() -> navigation("/feed-early").contains("Early Section Renamed"), "the earlier number, committed later");
    }

    private void renameBehindTheBack(long sectionId, String name) {
        entityManager.createQuery("update Section s set s.name = ?1 where s.id = ?2").setParameter(1, name)
                .setParameter(2, sectionId).executeUpdate();
    }

    private void insertChange(String subject, long subjectId) {
        entityManager.createNativeQuery("insert into content_change (subject, subject_id, origin, changed_at)"
                + " values (?1, ?2, 'another-instance', ?3)").setParameter(1, subject).setParameter(2, subjectId)
                .setParameter(3, Instant.now()).executeUpdate();
    }

    private static String navigation(String path) {
        return Jsoup.parse(page(path)).select("nav").text();
    }

    private static String page(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    /** Polls for up to two seconds, the promise between instances. */
    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 2 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(true, condition.get(), what);
    }
}
