package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import media.icaro.news.media.Picture;

/** An immutable article page: built inside the service, so templates never touch a managed entity. */
public record ArticleView(
        long id,
        String headline,
        /** For the page's title and link previews: the search title, or the headline. */
        String title,
        String standfirst,
        /** For the meta description and link previews: the search description, the standfirst, or the body's opening. */
        String description,
        String url,
        FeatureImage image,
        String sectionSlug,
        String sectionName,
        Article.Kind kind,
        List<Byline> bylines,
        Instant publishedAt,
        Instant updatedAt,
        String bodyHtml,
        List<CorrectionNote> corrections,
        String disclaimer,
        List<TagLink> tags,
        List<RelatedLink> related,
        /** What link previews show instead of the feature image; null for the feature image (or the site's). */
        Picture socialImage) {

    public record FeatureImage(Picture picture, String caption, String credit) {
    }

    public record Byline(String slug, String name, boolean organisation) {
    }

    public record CorrectionNote(Instant correctedAt, String note) {
    }

    public record TagLink(String slug, String name) {
    }

    /** @param reason why the scorer picked it, for the newsroom; @param label what readers see, if anything */
    public record RelatedLink(ArticleCard story, String reason, String label) {
    }

    /** Minutes to read the body at 230 words a minute, at least one. */
    public int readingMinutes() {
        String text = bodyHtml.replaceAll("<[^>]*>", " ").strip();
        long words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return (int) Math.max(1, Math.round(words / 230.0));
    }

    public boolean isOpinion() {
        return kind == Article.Kind.OPINION;
    }

    public String kindLabel() {
        return switch (kind) {
            case NEWS -> "News";
            case OPINION -> "Opinion";
            case ANALYSIS -> "Analysis";
        };
    }
}
