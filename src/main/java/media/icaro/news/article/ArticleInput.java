package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import media.icaro.news.domain.CleanText;

/**
 * What the newsroom form, the JSON API or first start submits for an article. Parsed but not yet
 * validated: {@link EditorialService} checks it and says what is wrong, field by field. Its text is
 * already clean ({@link CleanText}), whichever way it came in.
 *
 * @param publishedAt when it was or will be published; null means now, for "publish"
 * @param imageId an uploaded feature image (see {@code media.ImageService}), or null for none
 * @param minor a typo fix: it does not mark a published article "Updated"
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
        List<Long> pinnedRelated,
        Long imageId,
        String imageAlt,
        String imageCaption,
        String imageCredit,
        boolean minor) {

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
        bylines = bylines == null ? List.of() : List.copyOf(bylines.stream().map(CleanText::singleLine).toList());
        tags = tags == null ? List.of() : List.copyOf(tags.stream().map(CleanText::singleLine).toList());
        pinnedRelated = pinnedRelated == null ? List.of() : List.copyOf(pinnedRelated);
        kind = kind == null ? Article.Kind.NEWS : kind;
        disclaimerMode = disclaimerMode == null ? Article.DisclaimerMode.SITE_DEFAULT : disclaimerMode;
    }

    public ArticleInput withImageId(Long id) {
        return new ArticleInput(headline, slug, standfirst, body, section, kind, publishedAt, bylines, tags, disclaimerMode,
                disclaimerText, source, pinnedRelated, id, imageAlt, imageCaption, imageCredit, minor);
    }

    public ArticleInput withPublishedAt(Instant at) {
        return new ArticleInput(headline, slug, standfirst, body, section, kind, at, bylines, tags, disclaimerMode,
                disclaimerText, source, pinnedRelated, imageId, imageAlt, imageCaption, imageCredit, minor);
    }
}
