package media.icaro.news.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.FieldErrors;

/**
 * Stories an editor keeps out of one article's Related block, whatever the scorer makes of them: the
 * page follows at once, like any change. An exclusion is not part of the article's text, so it makes
 * no revision; it moves with the site in the archive.
 */
@ApplicationScoped
public class RelatedExclusions {

    private final ArticleRepository articles;
    private final ArticleService stories;
    private final Event<ContentChanged> changes;

    RelatedExclusions(ArticleRepository articles, ArticleService stories, Event<ContentChanged> changes) {
        this.articles = articles;
        this.stories = stories;
        this.changes = changes;
    }

    /** The stories kept out of this article's Related block, whatever their status, in the order they were. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StorySummary> of(long articleId) {
        List<Long> ids = articles.relatedExclusions(articleId);
        Map<Long, StorySummary> found = stories.summaries(ids);
        return ids.stream().map(found::get).filter(story -> story != null).toList();
    }

    @Transactional
    public void exclude(long articleId, long storyId, Editor editor) {
        requireArticle(articleId);
        requireArticle(storyId);
        if (articleId == storyId) {
            new FieldErrors().add("story", "An article never shows itself in its Related block").throwIfAny();
        }
        if (articles.excludeRelated(articleId, storyId, Instant.now(), editor.username())) {
            changes.fire(ContentChanged.article(articleId));
        }
    }

    @Transactional
    public void include(long articleId, long storyId) {
        requireArticle(articleId);
        if (articles.includeRelated(articleId, storyId)) {
            changes.fire(ContentChanged.article(articleId));
        }
    }

    private void requireArticle(long id) {
        if (articles.findByIdOptional(id).isEmpty()) {
            throw new NotFoundException();
        }
    }
}
