package media.icaro.news.article;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An article as one revision left it, stored as JSON so that it can be shown and restored. */
record RevisionSnapshot(Article.Status status, ArticleInput content) {

    static RevisionSnapshot of(Article a) {
        return new RevisionSnapshot(a.status, new ArticleInput(a.headline, a.slug, a.standfirst, a.bodyMarkdown,
                a.section.slug, a.kind, a.publishedAt, a.bylines.stream().map(b -> b.name).toList(),
                a.tags.stream().map(t -> t.name).toList(), a.disclaimerMode, a.disclaimerText, a.source,
                a.pinnedRelated.stream().map(p -> p.id).toList(), a.imageId, a.imageAlt, a.imageCaption, a.imageCredit,
                false));
    }

    static RevisionSnapshot read(ObjectMapper json, String text) {
        try {
            return json.readValue(text, RevisionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision", e);
        }
    }

    ArticleInput toInput() {
        return content;
    }
}
