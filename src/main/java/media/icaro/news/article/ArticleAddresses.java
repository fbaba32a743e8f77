package media.icaro.news.article;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where articles live: unique slugs, and the old addresses that a live article keeps answering at
 * (with a 301) after its slug, section or date changed.
 */
@ApplicationScoped
class ArticleAddresses {

    private final ArticleRepository articles;
    private final ArticleRedirectRepository redirects;
    private final Permalinks permalinks;

    ArticleAddresses(ArticleRepository articles, ArticleRedirectRepository redirects, Permalinks permalinks) {
        this.articles = articles;
        this.redirects = redirects;
        this.permalinks = permalinks;
    }

    /** The address a live article has now, null for one that has none. */
    String currentPath(Article article) {
        return article.status == Article.Status.PUBLISHED ? permalinks.of(article) : null;
    }

    /** After a save: the address the article had before ({@code oldPath}) answers with a 301 to its new one. */
    void keepOld(Article article, String oldPath) {
        if (article.status != Article.Status.PUBLISHED && oldPath == null) {
            return;
        }
        String newPath = article.publishedAt == null ? null : permalinks.of(article);
        if (newPath != null) {
            redirects.deleteById(newPath);
        }
        if (oldPath != null && !oldPath.equals(newPath) && redirects.findByIdOptional(oldPath).isEmpty()) {
            ArticleRedirect redirect = new ArticleRedirect();
            redirect.oldPath = oldPath;
            redirect.articleId = article.id;
            redirects.persist(redirect);
        }
    }

    /** The current address of the live article that used to live at {@code path}, if one did. */
    Optional<String> movedFrom(String path, Instant now) {
        return redirects.findByIdOptional(path)
                .flatMap(redirect -> articles.findByIdOptional(redirect.articleId))
                .filter(article -> article.isLive(now))
                .map(permalinks::of);
    }

    /** The slug itself, or with -2, -3... the first that no article has. */
    String unique(String base) {
        String root = base.isEmpty() ? "story" : base;
        String slug = root;
        for (int n = 2; articles.existsBySlug(slug); n++) {
            slug = root + "-" + n;
        }
        return slug;
    }
}
