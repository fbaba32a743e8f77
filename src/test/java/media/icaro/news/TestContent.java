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
import media.icaro.news.article.ArticleDraft;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.ArticleView;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

/** Writes test content through the same service the site uses, and reads pages the way a reader does. */
@ApplicationScoped
public class TestContent {

    @Inject
    ArticleService articles;

    @Inject
    SectionService sections;

    public SectionView section(String slug) {
        return sections.findBySlug(slug).orElseGet(() -> sections.create(slug, "Test " + slug, "Stories for " + slug));
    }

    public ArticleView publish(String section, String headline, Instant publishedAt, String... tags) {
        return articles.create(draft(section, headline, publishedAt, Article.Status.PUBLISHED, List.of(), tags));
    }

    public ArticleView create(ArticleDraft draft) {
        return articles.create(draft);
    }

    public static ArticleDraft draft(String section, String headline, Instant publishedAt, Article.Status status,
            List<Long> pins, String... tags) {
        return new ArticleDraft(headline, null, "Standfirst of " + headline, "Body of *" + headline + "*.", section,
                Article.Kind.NEWS, status, publishedAt, List.of("Test Reporter"), Arrays.asList(tags),
                Article.DisclaimerMode.NONE, null, null, pins);
    }

    /** GETs a page, expects 200 and parses it as HTML. */
    public static Document page(String path) {
        String html = RestAssured.given().redirects().follow(false).get(path)
                .then().statusCode(200).contentType("text/html").extract().asString();
        return Jsoup.parse(html, "http://localhost" + path);
    }
}
