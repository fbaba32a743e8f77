package media.icaro.news.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An article as one revision left it, stored as JSON so that it can be shown and restored. (Jackson
 * reads it through reflection, which a native image keeps only for registered classes.)
 */
@RegisterForReflection(targets = { RevisionSnapshot.class, ArticleInput.class })
record RevisionSnapshot(Article.Status status, ArticleInput content) {

    static RevisionSnapshot of(Article a) {
        return new RevisionSnapshot(a.status, ArticleInput.builder().headline(a.headline).slug(a.slug)
                .standfirst(a.standfirst).body(a.bodyMarkdown).section(a.section.slug).kind(a.kind)
                .publishedAt(a.publishedAt).bylines(a.bylines.stream().map(b -> b.name).toList())
                .tags(a.tags.stream().map(t -> t.name).toList()).disclaimerMode(a.disclaimerMode)
                .disclaimerText(a.disclaimerText).source(a.source)
                .pinnedRelated(a.pinnedRelated.stream().map(p -> String.valueOf(p.id)).toList()).imageId(a.imageId).imageAlt(a.imageAlt)
                .imageCaption(a.imageCaption).imageCredit(a.imageCredit).build());
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
