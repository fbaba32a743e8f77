package media.icaro.news.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.NewImages;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.media.ImageService;
import media.icaro.news.site.SiteConfig;

/**
 * Turns the typed article form into an {@link ArticleInput}, noting what cannot be read, and back. It
 * only reads text: what the text refers to (a section, pinned stories, an image) is found and checked
 * by the {@link EditorialService}.
 */
@ApplicationScoped
public class ArticleForms {

    /**
     * A datetime-local input's value, to the second: an untouched field sends back exactly the time it was
     * given, so a save never moves a publication time (a field that held only minutes moved 18:21:01 to 18:21).
     */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final SiteConfig site;
    private final ImageService images;

    ArticleForms(SiteConfig site, ImageService images) {
        this.site = site;
        this.images = images;
    }

    /** Whether the editor chose an image file with this submission (removing the image overrides it). */
    public boolean hasNewImage(ArticleForm form) {
        return form.image != null && form.image.size() > 0 && form.removeImage.isBlank();
    }

    /** Whether the editor chose a picture for link previews with this submission (removing it overrides it). */
    public boolean hasNewSocialImage(ArticleForm form) {
        return form.socialImage != null && form.socialImage.size() > 0 && form.removeSocialImage.isBlank();
    }

    /** The image files chosen with this submission (each null when none was). */
    public NewImages newImages(ArticleForm form) {
        return new NewImages(hasNewImage(form) ? bytes(form.image) : null,
                hasNewSocialImage(form) ? bytes(form.socialImage) : null);
    }

    private static byte[] bytes(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the form; what cannot be read goes into {@code errors}. A new image is only checked here:
     * the caller stores it with the article ({@link #newImage}), so a rejected form leaves nothing behind.
     */
    public ArticleInput read(ArticleForm form, NewImages newImages, FieldErrors errors) {
        if (newImages.feature() != null) {
            images.check(newImages.feature(), "image", errors);
        }
        if (newImages.social() != null) {
            images.check(newImages.social(), "socialImage", errors);
        }
        if (!form.removeImage.isBlank()) {
            form.imageId = "";
        }
        if (!form.removeSocialImage.isBlank()) {
            form.socialImageId = "";
        }
        return ArticleInput.builder()
                .headline(form.headline)
                .slug(form.slug)
                .standfirst(form.standfirst)
                .body(form.body)
                .section(form.section)
                .kind(parseEnum(Article.Kind.class, form.kind, "kind", "Choose news, opinion or analysis", errors))
                .publishedAt(parseDate(form.publishedAt, "publishedAt", errors))
                .bylines(items(form.bylines))
                .tags(items(form.tags))
                .disclaimerMode(parseEnum(Article.DisclaimerMode.class, form.disclaimerMode, "disclaimerMode",
                        "Choose a disclaimer", errors))
                .disclaimerText(form.disclaimerText)
                .source(form.source)
                .pinnedRelated(items(form.pinnedRelated))
                .imageId(form.imageId.isBlank() ? null : parseId(form.imageId))
                .imageAlt(form.imageAlt)
                .imageCaption(form.imageCaption)
                .imageCredit(form.imageCredit)
                .minor(form.isMinor())
                .seoTitle(form.seoTitle)
                .seoDescription(form.seoDescription)
                .socialImageId(form.socialImageId.isBlank() ? null : parseId(form.socialImageId))
                .build();
    }

    /** When a scheduled update goes live, or null when none is given (or it cannot be read: then in {@code errors}). */
    public Instant goLiveAt(ArticleForm form, FieldErrors errors) {
        return parseDate(form.goLiveAt, "goLiveAt", errors);
    }

    public EditorialService.Action action(ArticleForm form) {
        return switch (form.action) {
            case "publish" -> EditorialService.Action.PUBLISH;
            case "schedule" -> EditorialService.Action.SCHEDULE;
            case "unpublish" -> EditorialService.Action.UNPUBLISH;
            default -> EditorialService.Action.SAVE;
        };
    }

    /** The form filled from an article's current content. */
    public ArticleForm fill(ArticleInput input, long version) {
        ArticleForm form = new ArticleForm();
        form.headline = input.headline();
        form.slug = orEmpty(input.slug());
        form.standfirst = orEmpty(input.standfirst());
        form.body = input.body();
        form.section = input.section();
        form.kind = input.kind().name();
        form.tags = String.join(", ", input.tags());
        form.bylines = String.join(", ", input.bylines());
        form.disclaimerMode = input.disclaimerMode().name();
        form.disclaimerText = orEmpty(input.disclaimerText());
        form.publishedAt = input.publishedAt() == null ? "" : local(input.publishedAt());
        form.pinnedRelated = String.join("\n", input.pinnedRelated());
        form.source = orEmpty(input.source());
        form.imageId = input.imageId() == null ? "" : String.valueOf(input.imageId());
        form.imageAlt = orEmpty(input.imageAlt());
        form.imageCaption = orEmpty(input.imageCaption());
        form.imageCredit = orEmpty(input.imageCredit());
        form.seoTitle = orEmpty(input.seoTitle());
        form.seoDescription = orEmpty(input.seoDescription());
        form.socialImageId = input.socialImageId() == null ? "" : String.valueOf(input.socialImageId());
        form.minor = input.minor() ? "on" : "";
        form.version = String.valueOf(version);
        return form;
    }

    /** A time typed to the minute or to the second (a browser sends seconds only when they are not zero). */
    /** A time as a datetime-local field shows it, in the site's time zone, to the second. */
    public String local(Instant time) {
        return LOCAL.format(time.atZone(site.timeZone()));
    }

    private Instant parseDate(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).truncatedTo(ChronoUnit.SECONDS)
                    .atZone(site.timeZone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "Give a date and time such as 2024-06-18T19:15 (" + site.timeZone().getId() + " time)");
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, String message, FieldErrors errors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(field, message);
            return null;
        }
    }

    private static Long parseId(String text) {
        return text.strip().matches("[0-9]{1,18}") ? Long.valueOf(text.strip()) : null;
    }

    /** Each line or comma-separated item: names of tags or authors, pinned stories' ids, slugs or addresses. */
    static List<String> items(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
