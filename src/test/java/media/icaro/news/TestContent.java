package media.icaro.news;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.RestAssured;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.media.ImageService;
import media.icaro.news.search.SearchIndex;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/** Writes test content through the same service the site uses, and reads pages the way a reader does. */
@ApplicationScoped
public class TestContent {

    @Inject
    ArticleService articles;

    @Inject
    EditorialService editorial;

    @Inject
    SectionService sections;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ImageService images;

    /** Waits until the search index has applied every change so far (it works in the background). */
    public void settle() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(searchIndex.isReady() && searchIndex.isIdle()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public SectionView section(String slug) {
        return sections.findBySlug(slug).orElseGet(() -> sections.create(slug, "Test " + slug, "Stories for " + slug));
    }

    /** Publishes at the given time; a time in the future schedules instead. */
    public ArticleView publish(String section, String headline, Instant publishedAt, String... tags) {
        EditorialService.Action action = publishedAt.isAfter(Instant.now()) ? EditorialService.Action.SCHEDULE
                : EditorialService.Action.PUBLISH;
        return create(input(section, headline, publishedAt, List.of(), tags), action);
    }

    /** Publishes a story with a feature image of this size (a {@link #picture}), described by {@code alt}. */
    public ArticleView publishWithPicture(String section, String headline, Instant publishedAt, int width, int height, String alt,
            String... tags) {
        long image = images.store(images.prepare(picture(width, height), "image"));
        return create(input(section, headline, publishedAt, List.of(), tags).toBuilder().imageId(image).imageAlt(alt).build(),
                EditorialService.Action.PUBLISH);
    }

    /** A PNG of this size: a gradient, red to the left and blue to the right, which compresses well and shows which way is up. */
    public static byte[] picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x < width / 2 ? 0xC00000 : 0x0000C0) | y * 255 / height << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public ArticleView draft(String section, String headline, Instant publishedAt, List<Long> pins, String... tags) {
        return create(input(section, headline, publishedAt, pins, tags), EditorialService.Action.SAVE);
    }

    public ArticleView create(ArticleInput input, EditorialService.Action action) {
        long id = editorial.create(input, action, Editor.SYSTEM);
        return articles.preview(id).orElseThrow();
    }

    public static ArticleInput input(String section, String headline, Instant publishedAt, List<Long> pins, String... tags) {
        return story(section, headline, publishedAt).standfirst("Standfirst of " + headline)
                .body("Body of *" + headline + "*.").tags(Arrays.asList(tags)).pinnedRelated(pins.stream().map(String::valueOf).toList()).build();
    }

    /**
     * A news story in this section, by "Test Reporter", without a disclaimer, to fill in further: the
     * body and standfirst are for the caller to set.
     */
    public static ArticleInput.Builder story(String section, String headline, Instant publishedAt) {
        return ArticleInput.builder().headline(headline).section(section).kind(Article.Kind.NEWS).publishedAt(publishedAt)
                .bylines(List.of("Test Reporter")).disclaimerMode(Article.DisclaimerMode.NONE);
    }

    /** GETs a page, expects 200 and parses it as HTML. */
    public static Document page(String path) {
        String html = RestAssured.given().redirects().follow(false).get(path)
                .then().statusCode(200).contentType("text/html").extract().asString();
        return Jsoup.parse(html, "http://localhost" + path);
    }
}
