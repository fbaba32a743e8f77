package media.icaro.news.article;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.domain.Slugs;
import media.icaro.news.media.ImageService;
import media.icaro.news.section.Section;
import media.icaro.news.section.SectionService;

/** What a submitted article must be before anything is saved: every field checked at once. */
@ApplicationScoped
class ArticleValidation {

    /** What a valid submission refers to, found while checking it, for the save to use as it is. */
    record Checked(Section section, List<Article> pinned) {
    }

    /** Rendered and sanitised, a body stays well within its column. */
    static final int MAX_BODY = 200_000;
    /** More tags than this help no reader, and thousands cost seconds to save and megabytes to show. */
    static final int MAX_TAGS = 30;
    static final int MAX_BYLINES = 20;
    /**
     * Publication dates are refused outside the years 1900 to 2099: addresses carry a four-digit year,
     * and feeds and sitemaps cannot write a date such as -999999999-01-01.
     */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final ArticleRepository articles;
    private final SectionService sections;
    private final ImageService images;
    private final PinnedStories pins;

    ArticleValidation(ArticleRepository articles, SectionService sections, ImageService images, PinnedStories pins) {
        this.articles = articles;
        this.sections = sections;
        this.images = images;
        this.pins = pins;
    }

    /**
     * Checks every field at once and returns the section and pinned stories it names; throws
     * {@link FieldErrors.Invalid} if anything is wrong.
     */
    Checked check(ArticleInput input, boolean newImage, EditorialService.Action action, Article existing, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (input.headline() == null || input.headline().isBlank()) {
            errors.add("headline", "Write a headline");
        } else if (input.headline().strip().length() > 200) {
            errors.add("headline", "Keep the headline within 200 characters (it has " + input.headline().strip().length() + ")");
        }
        if (input.slug() != null && !input.slug().isBlank()) {
            String slug = input.slug().strip();
            if (!slug.matches(Slugs.PATTERN) || slug.length() > 200) {
                errors.add("slug", "Use lower-case letters, digits and single hyphens");
            } else if (articles.find("slug = ?1 and id <> ?2", slug, existing == null ? -1L : existing.id).count() > 0) {
                errors.add("slug", "Another article already has this slug");
            }
        }
        if (input.standfirst() != null && input.standfirst().strip().length() > 1000) {
            errors.add("standfirst", "Keep the standfirst within 1000 characters");
        }
        if (input.body() == null || input.body().isBlank()) {
            errors.add("body", "Write the body");
        } else if (input.body().length() > MAX_BODY) {
            errors.add("body", "Keep the body within " + MAX_BODY + " characters (it has " + input.body().length() + ")");
        }
        tooLong(errors, "source", input.source(), 200);
        tooLong(errors, "disclaimerText", input.disclaimerText(), 1000);
        tooLong(errors, "imageAlt", input.imageAlt(), 300);
        tooLong(errors, "imageCaption", input.imageCaption(), 500);
        tooLong(errors, "imageCredit", input.imageCredit(), 200);
        tooLong(errors, "seoTitle", input.seoTitle(), 200);
        tooLong(errors, "seoDescription", input.seoDescription(), 300);
        Section section = null;
        if (input.section() == null || input.section().isBlank()) {
            errors.add("section", "Choose a section");
        } else {
            section = sections.findEntityBySlug(input.section()).orElse(null);
            if (section == null) {
                errors.add("section", "There is no section '" + input.section() + "'");
            }
        }
        if (input.publishedAt() != null && (input.publishedAt().isBefore(EARLIEST) || !input.publishedAt().isBefore(LATEST))) {
            errors.add("publishedAt", "Give a date in the years 1900 to 2099");
        } else if (action == EditorialService.Action.SCHEDULE) {
            if (input.publishedAt() == null) {
                errors.add("publishedAt", "Choose when to publish");
            } else if (!input.publishedAt().isAfter(now)) {
                errors.add("publishedAt", "That time has passed: choose a time in the future, or publish now");
            }
        } else if (action == EditorialService.Action.PUBLISH && input.publishedAt() != null && input.publishedAt().isAfter(now)) {
            errors.add("publishedAt", "That time is in the future: schedule the article instead");
        } else if (action == EditorialService.Action.SAVE && existing != null && existing.status == Article.Status.PUBLISHED
                && input.publishedAt() != null && input.publishedAt().isAfter(now)) {
            // A live story dated in the future would vanish until then with no write to bring it back.
            errors.add("publishedAt", "A published article cannot be dated in the future: unpublish it and schedule it instead");
        }
        if (input.disclaimerMode() == Article.DisclaimerMode.CUSTOM
                && (input.disclaimerText() == null || input.disclaimerText().isBlank())) {
            errors.add("disclaimerText", "Write the disclaimer, or choose the site's or none");
        }
        if (input.imageId() != null && !images.exists(input.imageId())) {
            errors.add("image", "That image is missing: upload it again");
        }
        if (input.socialImageId() != null && !images.exists(input.socialImageId())) {
            errors.add("socialImage", "That image is missing: upload it again");
        }
        if ((input.imageId() != null || newImage) && (input.imageAlt() == null || input.imageAlt().isBlank())) {
            errors.add("imageAlt", "Describe the image for readers who cannot see it");
        }
        List<Article> pinned = pins.resolve(input.pinnedRelated(), existing, errors);
        if (input.tags().size() > MAX_TAGS) {
            errors.add("tags", "Use at most " + MAX_TAGS + " tags (there are " + input.tags().size() + ")");
        }
        if (input.bylines().size() > MAX_BYLINES) {
            errors.add("bylines", "Use at most " + MAX_BYLINES + " bylines (there are " + input.bylines().size() + ")");
        }
        for (String name : input.tags()) {
            if (name.strip().length() > 120 || Slugs.slugify(name).isEmpty()) {
                errors.add("tags", "Tags need letters or digits and at most 120 characters: '" + CleanText.abbreviate(name, 40) + "'");
            }
        }
        for (String name : input.bylines()) {
            if (name.strip().length() > 200 || Slugs.slugify(name).isEmpty()) {
                errors.add("bylines", "Bylines need letters and at most 200 characters: '" + CleanText.abbreviate(name, 40) + "'");
            }
        }
        errors.throwIfAny();
        return new Checked(section, pinned);
    }

    private static void tooLong(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(field, "Keep this within " + max + " characters");
        }
    }
}
