package media.icaro.news.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An article as one revision left it, stored as JSON so that it can be shown and restored. (Jackson
 * reads it through reflection, which a native image keeps only for registered classes.)
 */
@RegisterForReflection(targets = { RevisionSnapshot.class, ArticleInput.class })
public record RevisionSnapshot(Article.Status status, ArticleInput content) {

    static RevisionSnapshot of(Article a) {
        return new RevisionSnapshot(a.status, ArticleInput.builder().headline(a.headline).slug(a.slug)
                .standfirst(a.standfirst).body(a.bodyMarkdown).section(a.section.slug).kind(a.kind)
                .publishedAt(a.publishedAt).bylines(a.bylines.stream().map(b -> b.name).toList())
                .tags(a.tags.stream().map(t -> t.name).toList()).disclaimerMode(a.disclaimerMode)
                .disclaimerText(a.disclaimerText).source(a.source)
                .pinnedRelated(a.pinnedRelated.stream().map(p -> String.valueOf(p.id)).toList()).imageId(a.imageId).imageAlt(a.imageAlt)
                .imageCaption(a.imageCaption).imageCredit(a.imageCredit).seoTitle(a.seoTitle).seoDescription(a.seoDescription)
                .socialImageId(a.socialImageId)
                .build());
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

    /** The fields, in lower-case words, whose value differs between two snapshots' content: what a revision's summary says was edited. */
    public static List<String> changedFields(ArticleInput before, ArticleInput after) {
        return ArticleField.changed(before, after).stream().map(f -> f.label().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * A stored snapshot with the ids it names (its pinned stories and its feature image) translated
     * for another database, where a site import gave every row a new id, so that restoring the
     * revision there pins and shows the same stories and image. An id without a translation (null)
     * is left out. Throws {@link IllegalArgumentException} when the text is not a snapshot.
     */
    public static String translated(ObjectMapper json, String snapshot, LongFunction<Long> articleIds,
            LongFunction<Long> imageIds) {
        RevisionSnapshot read;
        try {
            read = json.readValue(snapshot, RevisionSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an article revision: " + e.getOriginalMessage(), e);
        }
        if (read == null || read.content() == null || read.status() == null) {
            throw new IllegalArgumentException("not an article revision: its status or content is missing");
        }
        ArticleInput content = read.content();
        List<String> pins = new ArrayList<>();
        for (String pin : content.pinnedRelated()) {
            // Snapshots name pins by id; anything else (a slug, an address) means the same on any site.
            if (pin.matches("[0-9]{1,18}")) {
                Long translated = articleIds.apply(Long.parseLong(pin));
                if (translated != null) {
                    pins.add(String.valueOf(translated));
                }
            } else {
                pins.add(pin);
            }
        }
        Long image = content.imageId() == null ? null : imageIds.apply(content.imageId());
        Long social = content.socialImageId() == null ? null : imageIds.apply(content.socialImageId());
        try {
            return json.writeValueAsString(new RevisionSnapshot(read.status(),
                    content.toBuilder().pinnedRelated(pins).imageId(image).socialImageId(social).build()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a revision", e);
        }
    }
}
