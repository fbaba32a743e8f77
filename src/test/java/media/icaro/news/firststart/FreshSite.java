package media.icaro.news.firststart;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.TestContent;
import media.icaro.news.domain.ContentChanged;

/**
 * Puts the site back as a new installation's first start leaves it: every content row deleted, then
 * the seed and demo stories written again (accounts stay). For tests that import into an empty site.
 */
@ApplicationScoped
public class FreshSite {

    @Inject
    EntityManager entityManager;

    @Inject
    FirstStart firstStart;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    TestContent content;

    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("site_page", "front_slot", "front", "article_redirect", "correction", "article_revision", "article_related_pin",
                    "article_tag", "article_byline", "article", "image", "tag", "author", "section")) {
                entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        });
        // Outside a transaction: the navigation, caches and search index let go of the deleted content now.
        changes.fire(ContentChanged.everything());
        firstStart.onStart(null);
        content.settle();
    }
}
