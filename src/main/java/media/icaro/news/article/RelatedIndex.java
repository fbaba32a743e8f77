package media.icaro.news.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.domain.ContentGeneration;

/**
 * Keeps the related-story scorer's snapshot of the published corpus in memory for the current
 * {@link ContentGeneration}: three queries build it, any change (here or on another instance) makes the
 * next reader rebuild it. Article pages thus compute related stories without touching the database.
 */
@ApplicationScoped
public class RelatedIndex {

    private final ArticleRepository articles;
    private final ContentGeneration.Derived<RelatedStories> snapshot;

    RelatedIndex(ArticleRepository articles, ContentGeneration generations) {
        this.articles = articles;
        this.snapshot = generations.derived(() -> build(Instant.now()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RelatedStories current() {
        return snapshot.get();
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
        Map<Long, Set<Long>> excluded = new HashMap<>();
        for (Object[] row : articles.relatedExclusionRows()) {
            excluded.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
        }
        return new RelatedStories(stories, tagNames, excluded);
    }
}
