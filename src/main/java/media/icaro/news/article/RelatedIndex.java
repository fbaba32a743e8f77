package media.icaro.news.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import media.icaro.news.domain.ContentChanged;

/**
 * Keeps the related-story scorer's snapshot of the published corpus in memory: two queries build
 * it, a {@link ContentChanged} event drops it, the next reader rebuilds it. Article pages thus
 * compute related stories without touching the database. A snapshot also expires after
 * {@code news.snapshot-max-age} (a minute), so that changes written by other instances sharing
 * the database show within that time.
 */
@ApplicationScoped
public class RelatedIndex {

    private record Snapshot(RelatedStories stories, Instant builtAt) {
    }

    private final ArticleRepository articles;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    RelatedIndex(ArticleRepository articles,
            @ConfigProperty(name = "news.snapshot-max-age", defaultValue = "PT1M") Duration maxAge) {
        this.articles = articles;
        this.maxAge = maxAge;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RelatedStories current() {
        Instant now = Instant.now();
        Snapshot current = snapshot;
        if (current == null || current.builtAt().plus(maxAge).isBefore(now)) {
            current = new Snapshot(build(now), now);
            snapshot = current;
        }
        return current.stories();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        snapshot = null;
    }

    private RelatedStories build(Instant now) {
        Map<Long, Set<Long>> tagsByArticle = new HashMap<>();
        Map<Long, String> tagNames = new HashMap<>();
        for (Object[] row : articles.liveTagRows(now)) {
            tagsByArticle.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
            tagNames.put((Long) row[1], (String) row[2]);
        }
        List<RelatedStories.Story> stories = new ArrayList<>();
        for (Object[] row : articles.liveStoryRows(now)) {
            Long id = (Long) row[0];
            stories.add(new RelatedStories.Story(id, (Long) row[1], (String) row[2],
                    Set.copyOf(tagsByArticle.getOrDefault(id, Set.of())), (Instant) row[3]));
        }
        return new RelatedStories(stories, tagNames);
    }
}
