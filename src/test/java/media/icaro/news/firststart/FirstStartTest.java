package media.icaro.news.firststart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.article.Article;

@QuarkusTest
class FirstStartTest {

    static final Instant SEED_PUBLISHED = Instant.parse("2024-06-18T17:15:00Z");

    @Inject
    FirstStart firstStart;

    @Inject
    EntityManager em;

    @Test
    void demoContentIsRealisticAndOlderThanTheSeed() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Article> demo = em.createQuery("from Article a join fetch a.section where a.source is null and a.slug <> :seed"
                    + " and a.publishedAt < :seedAt and a.publishedAt > :weeksBefore", Article.class)
                    .setParameter("seed", "russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un")
                    .setParameter("seedAt", SEED_PUBLISHED)
                    .setParameter("weeksBefore", Instant.parse("2024-04-01T00:00:00Z"))
                    .getResultList();
            assertTrue(demo.size() >= 30, "at least 30 demo stories: " + demo.size());
            long sections = demo.stream().map(a -> a.section.slug).distinct().count();
            assertTrue(sections >= 5, "in at least five sections: " + sections);
            assertTrue(demo.stream().allMatch(a -> !a.tags.isEmpty() && !a.bylines.isEmpty() && a.standfirst != null));
            long related = demo.stream().filter(a -> a.tags.stream()
                    .anyMatch(t -> List.of("russia", "north-korea", "ukraine-war", "diplomacy").contains(t.slug))).count();
            assertTrue(related >= 5, "stories on the seed's topics: " + related);
        });
    }

    @Test
    void theSeedIsWrittenOnceWithItsOrganisationByline() {
        firstStart.onStart(null);
        QuarkusTransaction.requiringNew().run(() -> {
            Article seed = em.createQuery("from Article where slug = :slug", Article.class)
                    .setParameter("slug", "russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un")
                    .getSingleResult();
            assertEquals(SEED_PUBLISHED, seed.publishedAt);
            assertEquals(Article.Status.PUBLISHED, seed.status);
            assertEquals(Article.DisclaimerMode.SITE_DEFAULT, seed.disclaimerMode);
            assertEquals(1, seed.bylines.size());
            assertEquals("ICARO Media Group", seed.bylines.get(0).name);
            assertEquals(media.icaro.news.author.Author.Type.ORGANISATION, seed.bylines.get(0).type);
            long headlines = em.createQuery("select count(a) from Article a where a.headline = :h", Long.class)
                    .setParameter("h", seed.headline).getSingleResult();
            assertEquals(1, headlines, "a second start duplicates nothing");
        });
    }
}
