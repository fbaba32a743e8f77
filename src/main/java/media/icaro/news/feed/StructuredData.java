package media.icaro.news.feed;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import media.icaro.news.article.ArticleView;
import media.icaro.news.media.Picture;
import media.icaro.news.site.SiteConfig;
import media.icaro.news.web.StaticAssets;

/**
 * What search engines and link previews read of an article page: schema.org JSON-LD ({@code NewsArticle}
 * and a {@code BreadcrumbList}), the image to share and the date of the last meaningful change. Template
 * extensions, so the article template computes them only where it prints them, never for a preview.
 */
@TemplateExtension
public final class StructuredData {

    /** The site's logo, a 600x60 PNG. */
    private static final String LOGO_PATH = "/static/logo.png";
    private static final int LOGO_WIDTH = 600;
    private static final int LOGO_HEIGHT = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter SCRIPT_SAFE = JSON.writer().with(new ScriptSafeEscapes());

    private StructuredData() {
    }

    /**
     * The picture a link to the article shows, absolute.
     *
     * @param width null when unknown (an image whose versions are not made yet)
     */
    public record ShareImage(String url, Integer width, Integer height, String alt) {

        /**
         * Large enough for a large card: Facebook shows images of 600 × 315 and more across a link's
         * width, and smaller ones as a thumbnail beside it.
         */
        public boolean isLarge() {
            return width == null || width >= 600 && height >= 315;
        }
    }

    /** The feature image's widest version, or else the site's social image (1200 × 630 unless configured). */
    static ShareImage shareImage(ArticleView article) {
        SiteConfig site = site();
        if (article.socialImage() != null && article.socialImage().isReady()) {
            Picture.Version largest = article.socialImage().largest();
            return new ShareImage(site.baseUrl() + largest.url(), largest.width(), largest.height(), article.socialImage().alt());
        }
        if (article.image() != null) {
            Picture.Version largest = article.image().picture().largest();
            return new ShareImage(site.baseUrl() + largest.url(), largest.width(), largest.height(), article.image().picture().alt());
        }
        String configured = site.socialImage().orElse(null);
        String url = configured == null ? site.baseUrl() + Arc.container().instance(StaticAssets.class).get().url("social.png")
                : configured.startsWith("/") ? site.baseUrl() + configured : configured;
        return new ShareImage(url, site.socialImageWidth(), site.socialImageHeight(), site.name());
    }

    /** When the article last changed for readers: its "Updated" time, or its publication. */
    static Instant dateModified(ArticleView article) {
        return article.updatedAt() != null ? article.updatedAt() : article.publishedAt();
    }

    /** A {@code NewsArticle} ({@code OpinionNewsArticle} for opinion), safe to print raw inside a script element. */
    static String newsArticleJsonLd(ArticleView article) {
        SiteConfig site = site();
        String base = site.baseUrl();
        String url = base + article.url();
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", article.isOpinion() ? "OpinionNewsArticle" : "NewsArticle");
        root.put("headline", article.headline());
        root.put("description", article.description());
        root.putArray("image").add(shareImage(article).url());
        root.put("datePublished", iso(article.publishedAt(), site));
        root.put("dateModified", iso(dateModified(article), site));
        ArrayNode authors = root.putArray("author");
        for (ArticleView.Byline byline : article.bylines()) {
            authors.addObject()
                    .put("@type", byline.organisation() ? "Organization" : "Person")
                    .put("name", byline.name())
                    .put("url", base + "/author/" + byline.slug());
        }
        ObjectNode publisher = root.putObject("publisher")
                .put("@type", "NewsMediaOrganization")
                .put("name", site.name())
                .put("url", base + "/");
        publisher.putObject("logo")
                .put("@type", "ImageObject")
                .put("url", base + LOGO_PATH)
                .put("width", LOGO_WIDTH)
                .put("height", LOGO_HEIGHT);
        root.put("mainEntityOfPage", url);
        root.put("url", url);
        root.put("articleSection", article.sectionName());
        ArrayNode keywords = root.putArray("keywords");
        article.tags().forEach(tag -> keywords.add(tag.name()));
        root.put("inLanguage", site.language());
        if (!article.corrections().isEmpty()) {
            ArrayNode corrections = root.putArray("correction");
            for (ArticleView.CorrectionNote note : article.corrections()) {
                corrections.addObject()
                        .put("@type", "CorrectionComment")
                        .put("text", note.note())
                        .put("datePublished", iso(note.correctedAt(), site));
            }
        }
        return write(root);
    }

    /** The way down to the article: the site's home, its section, the article itself. */
    static String breadcrumbJsonLd(ArticleView article) {
        SiteConfig site = site();
        String base = site.baseUrl();
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "BreadcrumbList");
        ArrayNode items = root.putArray("itemListElement");
        addCrumb(items, site.name(), base + "/");
        addCrumb(items, article.sectionName(), base + "/" + article.sectionSlug());
        addCrumb(items, article.headline(), base + article.url());
        return write(root);
    }

    private static void addCrumb(ArrayNode items, String name, String url) {
        int position = items.size() + 1;
        items.addObject()
                .put("@type", "ListItem")
                .put("position", position)
                .put("name", name)
                .put("item", url);
    }

    private static String iso(Instant instant, SiteConfig site) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(site.timeZone()));
    }

    private static String write(ObjectNode json) {
        try {
            return SCRIPT_SAFE.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON-LD", e);
        }
    }

    private static SiteConfig site() {
        return Arc.container().instance(SiteConfig.class).get();
    }

    /**
     * Writes {@code <}, {@code >} and {@code &} as JSON escapes, so that no text in the data can close
     * the script element ({@code </script>}) or open an HTML comment inside it.
     */
    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        /** Asked only for the characters marked above and for non-ASCII ones, which stay as they are. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < escapes.length && escapes[ch] == ESCAPE_CUSTOM ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
