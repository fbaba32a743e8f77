package media.icaro.news.article;

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

/**
 * Keeps the related-story scorer's snapshot of the published corpus in memory: two queries build
 * it, a {@link ContentChanged} event drops it, the next reader rebuilds it. Article pages thus
 * compute related stories without touching the database.
 */
@ApplicationScoped
public class RelatedIndex {

    private final ArticleRepository articles;
    private volatile RelatedStories snapshot;

    RelatedIndex(ArticleRepository articles) {
        this.articles = articles;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RelatedStories current() {
        RelatedStories current = snapshot;
        if (current == null) {
            current = build(Instant.now());
            snapshot = current;
        }
        return current;
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
