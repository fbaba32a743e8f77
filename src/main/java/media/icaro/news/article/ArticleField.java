package media.icaro.news.article;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import media.icaro.news.domain.CleanText;

/**
 * The parts of an article that an editor sets, by the names the newsroom gives them, to say what
 * differs between two versions of its content (two revisions, or a revision and the article now).
 * Blank text counts as none, and tags in any order as the same tags; bylines and pins keep their order.
 */
public enum ArticleField {
    HEADLINE("Headline", ArticleInput::headline),
    SLUG("Slug", ArticleInput::slug),
    STANDFIRST("Standfirst", ArticleInput::standfirst),
    BODY("Body", ArticleInput::body),
    SECTION("Section", ArticleInput::section),
    KIND("Kind", ArticleInput::kind),
    TAGS("Tags", input -> new TreeSet<>(input.tags())),
    BYLINES("Bylines", ArticleInput::bylines),
    PUBLISHED_AT("Publication date", ArticleInput::publishedAt),
    IMAGE("Feature image", ArticleInput::imageId),
    IMAGE_ALT("Image alt text", ArticleInput::imageAlt),
    IMAGE_CAPTION("Image caption", ArticleInput::imageCaption),
    IMAGE_CREDIT("Image credit", ArticleInput::imageCredit),
    DISCLAIMER("Disclaimer", input -> input.disclaimerMode() == Article.DisclaimerMode.CUSTOM
            ? CleanText.blankToNull(input.disclaimerText()) : input.disclaimerMode()),
    SOURCE("Source", ArticleInput::source),
    PINNED_RELATED("Pinned related stories", ArticleInput::pinnedRelated),
    SEO_TITLE("Search title", ArticleInput::seoTitle),
    SEO_DESCRIPTION("Search description", ArticleInput::seoDescription),
    SOCIAL_IMAGE("Social image", ArticleInput::socialImageId);

    private final String label;
    private final Function<ArticleInput, Object> value;

    ArticleField(String label, Function<ArticleInput, Object> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public boolean differs(ArticleInput before, ArticleInput after) {
        return !Objects.equals(comparable(before), comparable(after));
    }

    private Object comparable(ArticleInput input) {
        Object v = value.apply(input);
        return v instanceof String text && text.isBlank() ? null : v;
    }

    /** The fields that differ, in the form's order. */
    public static List<ArticleField> changed(ArticleInput before, ArticleInput after) {
        return Arrays.stream(values()).filter(f -> f.differs(before, after)).toList();
    }
}
