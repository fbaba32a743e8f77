package media.icaro.news;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

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
