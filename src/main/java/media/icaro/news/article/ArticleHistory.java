package media.icaro.news.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import media.icaro.news.domain.CleanText;

/**
 * An article's append-only history: every save writes a revision (who, when, what changed, and the
 * content as it then was), which the newsroom lists and can restore.
 */
@ApplicationScoped
class ArticleHistory {

    /** A revision that can be restored: its content, and the words that say which one it was. */
    record Restorable(ArticleInput input, String label) {
    }

    private final RevisionRepository revisions;
    private final ObjectMapper json;

    ArticleHistory(RevisionRepository revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    void record(Article article, Editor editor, Instant now, String summary) {
        Revision revision = new Revision();
        revision.articleId = article.id;
        revision.revisedAt = now;
        revision.revisedBy = editor.username();
        revision.summary = CleanText.abbreviate(summary, 300);
        try {
            revision.snapshot = json.writeValueAsString(RevisionSnapshot.of(article));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a revision", e);
        }
        revisions.persist(revision);
    }

    /** Newest first, each with the fields it changed from the one before it (none for the first). */
    List<EditorialService.RevisionLine> lines(long articleId) {
        List<Revision> newestFirst = revisions.listForArticle(articleId);
        List<ArticleInput> contents = newestFirst.stream().map(r -> RevisionSnapshot.read(json, r.snapshot).toInput()).toList();
        List<EditorialService.RevisionLine> lines = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            Revision r = newestFirst.get(i);
            List<ArticleField> changed = i + 1 < contents.size() ? ArticleField.changed(contents.get(i + 1), contents.get(i)) : List.of();
            lines.add(new EditorialService.RevisionLine(r.id, r.revisedAt, r.revisedBy, r.summary,
                    changed.stream().map(ArticleField::label).toList()));
        }
        return lines;
    }

    String lastEditor(long articleId) {
        return revisions.lastEditor(articleId).orElse("someone");
    }

    /** The revision of this article with this id; not found for another article's. */
    Restorable restorable(long articleId, long revisionId) {
        Revision revision = revisions.findByIdOptional(revisionId)
                .filter(r -> r.articleId == articleId).orElseThrow(NotFoundException::new);
        return new Restorable(RevisionSnapshot.read(json, revision.snapshot).toInput(),
                "the revision of " + revision.revisedAt.truncatedTo(ChronoUnit.SECONDS) + " by " + revision.revisedBy);
    }
}
