package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An article as one revision left it, stored as JSON so that it can be shown and restored. */
record RevisionSnapshot(
        String headline,
        String slug,
        String standfirst,
        String body,
        String section,
        Article.Kind kind,
        Article.Status status,
        Instant publishedAt,
        List<String> bylines,
        List<String> tags,
        Article.DisclaimerMode disclaimerMode,
        String disclaimerText,
        String source,
        List<Long> pinnedRelated,
        Long imageId,
        String imageAlt,
        String imageCaption,
        String imageCredit) {

    static RevisionSnapshot of(Article a) {
        return new RevisionSnapshot(a.headline, a.slug, a.standfirst, a.bodyMarkdown, a.section.slug, a.kind, a.status,
                a.publishedAt, a.bylines.stream().map(b -> b.name).toList(), a.tags.stream().map(t -> t.name).toList(),
                a.disclaimerMode, a.disclaimerText, a.source, a.pinnedRelated.stream().map(p -> p.id).toList(),
                a.imageId, a.imageAlt, a.imageCaption, a.imageCredit);
    }

    static RevisionSnapshot read(ObjectMapper json, String text) {
        try {
            return json.readValue(text, RevisionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision", e);
        }
    }

    ArticleInput toInput() {
        return new ArticleInput(headline, slug, standfirst, body, section, kind, publishedAt, bylines, tags,
                disclaimerMode, disclaimerText, source, pinnedRelated, imageId, imageAlt, imageCaption, imageCredit, false);
    }
}
