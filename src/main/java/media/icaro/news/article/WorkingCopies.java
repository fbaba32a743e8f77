package media.icaro.news.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Live articles' working copies ({@link WorkingCopy}): stored, read back as input, applied or dropped. */
@ApplicationScoped
class WorkingCopies implements PanacheRepositoryBase<WorkingCopy, Long> {

    private final ObjectMapper json;

    WorkingCopies(ObjectMapper json) {
        this.json = json;
    }

    Optional<EditorialService.PendingChange> of(long articleId) {
        return findByIdOptional(articleId).map(this::pending);
    }

    /**
     * Keeps {@code input} as the article's working copy, replacing the one it had. The article's version
     * moves, so that a form or a preview of what was there before is refused like any stale one.
     */
    void keep(Article article, ArticleInput input, Editor editor, Instant now, Instant goLiveAt) {
        WorkingCopy copy = findByIdOptional(article.id).orElseGet(() -> {
            WorkingCopy created = new WorkingCopy();
            created.articleId = article.id;
            return created;
        });
        try {
            copy.snapshot = json.writeValueAsString(new RevisionSnapshot(article.status, input));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a working copy", e);
        }
        copy.savedAt = now;
        copy.savedBy = editor.username();
        copy.goLiveAt = goLiveAt;
        persist(copy);
        getEntityManager().lock(article, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    /** Drops the article's working copy by an editor's choice (the article's version moves); whether it had one. */
    boolean discard(Article article) {
        boolean dropped = drop(article.id);
        if (dropped) {
            getEntityManager().lock(article, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return dropped;
    }

    /** Drops the article's working copy, once a save has written the article itself; whether it had one. */
    boolean drop(long articleId) {
        return deleteById(articleId);
    }

    /** Scheduled updates whose time has come, oldest first. */
    List<WorkingCopy> due(Instant now) {
        return list("goLiveAt <= ?1 order by goLiveAt", now);
    }

    EditorialService.PendingChange pending(WorkingCopy copy) {
        return new EditorialService.PendingChange(RevisionSnapshot.read(json, copy.snapshot).toInput(), copy.savedAt, copy.savedBy, copy.goLiveAt);
    }
}
