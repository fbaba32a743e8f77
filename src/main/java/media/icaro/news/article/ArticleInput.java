package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import media.icaro.news.domain.CleanText;

/**
 * What the newsroom form, the JSON API or first start submits for an article. Parsed but not yet
 * validated: {@link EditorialService} checks it and says what is wrong, field by field. Its text is
 * already clean ({@link CleanText}), whichever way it came in. Build one with {@link #builder()}, or
 * change a copy with {@link #toBuilder()}: twenty-one positional arguments are easy to misplace.
 *
 * @param publishedAt when it was or will be published; null means now, for "publish"
 * @param pinnedRelated stories to pin first in the Related block, in order, as typed: each an article's id,
 *        slug or address; {@link EditorialService} finds them when it checks the submission
 * @param imageId an uploaded feature image (see {@code media.ImageService}), or null for none
 * @param minor a typo fix: it does not mark a published article "Updated"
 * @param seoTitle what search results and link previews show instead of the headline, or blank
 * @param seoDescription what they show instead of the standfirst, or blank
 * @param socialImageId an uploaded picture link previews show instead of the feature image, or null
 */
public record ArticleInput(
        String headline,
        String slug,
        String standfirst,
        String body,
        String section,
        Article.Kind kind,
        Instant publishedAt,
        List<String> bylines,
        List<String> tags,
        Article.DisclaimerMode disclaimerMode,
        String disclaimerText,
        String source,
        List<String> pinnedRelated,
        Long imageId,
        String imageAlt,
        String imageCaption,
        String imageCredit,
        boolean minor,
        String seoTitle,
        String seoDescription,
        Long socialImageId) {

    public ArticleInput {
        headline = CleanText.singleLine(headline);
        slug = CleanText.singleLine(slug);
        standfirst = CleanText.multiLine(standfirst);
        body = CleanText.multiLine(body);
        section = CleanText.singleLine(section);
        disclaimerText = CleanText.multiLine(disclaimerText);
        source = CleanText.singleLine(source);
        imageAlt = CleanText.singleLine(imageAlt);
        imageCaption = CleanText.singleLine(imageCaption);
        imageCredit = CleanText.singleLine(imageCredit);
        seoTitle = CleanText.singleLine(seoTitle);
        seoDescription = CleanText.singleLine(seoDescription);
        bylines = bylines == null ? List.of() : List.copyOf(bylines.stream().map(CleanText::singleLine).toList());
        tags = tags == null ? List.of() : List.copyOf(tags.stream().map(CleanText::singleLine).toList());
        pinnedRelated = pinnedRelated == null ? List.of()
                : pinnedRelated.stream().map(CleanText::singleLine).map(String::strip).filter(s -> !s.isEmpty()).toList();
        kind = kind == null ? Article.Kind.NEWS : kind;
        disclaimerMode = disclaimerMode == null ? Article.DisclaimerMode.SITE_DEFAULT : disclaimerMode;
    }

    /** An empty submission: what is not set stays null, empty or the default (news, the site's disclaimer). */
    public static Builder builder() {
        return new Builder();
    }

    /** This submission, to copy with some fields changed. */
    public Builder toBuilder() {
        return builder().headline(headline).slug(slug).standfirst(standfirst).body(body).section(section).kind(kind)
                .publishedAt(publishedAt).bylines(bylines).tags(tags).disclaimerMode(disclaimerMode)
                .disclaimerText(disclaimerText).source(source).pinnedRelated(pinnedRelated).imageId(imageId)
                .imageAlt(imageAlt).imageCaption(imageCaption).imageCredit(imageCredit).minor(minor).seoTitle(seoTitle).seoDescription(seoDescription)
                .socialImageId(socialImageId);
    }

    /** Sets fields by name; {@link #build()} cleans them through the record's constructor. */
    public static final class Builder {
        private String headline;
        private String slug;
        private String standfirst;
        private String body;
        private String section;
        private Article.Kind kind;
        private Instant publishedAt;
        private List<String> bylines;
        private List<String> tags;
        private Article.DisclaimerMode disclaimerMode;
        private String disclaimerText;
        private String source;
        private List<String> pinnedRelated;
        private Long imageId;
        private String imageAlt;
        private String imageCaption;
        private String imageCredit;
        private boolean minor;
        private String seoTitle;
        private String seoDescription;
        private Long socialImageId;

        private Builder() {
        }

        public Builder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder standfirst(String standfirst) {
            this.standfirst = standfirst;
            return this;
        }

        /** Markdown. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** The section's slug. */
        public Builder section(String section) {
            this.section = section;
            return this;
        }

        public Builder kind(Article.Kind kind) {
            this.kind = kind;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        /** Author names, in byline order. */
        public Builder bylines(List<String> bylines) {
            this.bylines = bylines;
            return this;
        }

        /** Tag names. */
        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder disclaimerMode(Article.DisclaimerMode disclaimerMode) {
            this.disclaimerMode = disclaimerMode;
            return this;
        }

        public Builder disclaimerText(String disclaimerText) {
            this.disclaimerText = disclaimerText;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Articles' ids, slugs or addresses. */
        public Builder pinnedRelated(List<String> pinnedRelated) {
            this.pinnedRelated = pinnedRelated;
            return this;
        }

        public Builder imageId(Long imageId) {
            this.imageId = imageId;
            return this;
        }

        public Builder imageAlt(String imageAlt) {
            this.imageAlt = imageAlt;
            return this;
        }

        public Builder imageCaption(String imageCaption) {
            this.imageCaption = imageCaption;
            return this;
        }

        public Builder imageCredit(String imageCredit) {
            this.imageCredit = imageCredit;
            return this;
        }

        public Builder minor(boolean minor) {
            this.minor = minor;
            return this;
        }

        /** What search results and link previews show instead of the headline; blank for the headline. */
        public Builder seoTitle(String seoTitle) {
            this.seoTitle = seoTitle;
            return this;
        }

        /** What search results and link previews show instead of the standfirst; blank for it. */
        public Builder seoDescription(String seoDescription) {
            this.seoDescription = seoDescription;
            return this;
        }

        /** An uploaded picture link previews show instead of the feature image, or null for the feature image. */
        public Builder socialImageId(Long socialImageId) {
            this.socialImageId = socialImageId;
            return this;
        }

        public ArticleInput build() {
            return new ArticleInput(headline, slug, standfirst, body, section, kind, publishedAt, bylines, tags,
                    disclaimerMode, disclaimerText, source, pinnedRelated, imageId, imageAlt, imageCaption, imageCredit,
                    minor, seoTitle, seoDescription, socialImageId);
        }
    }
}
