package media.icaro.news.newsroom.api;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleRepository;

/**
 * The API's article list: every status, newest change first, paged by keyset on (modifiedAt, id) so
 * that a client walking a large archive pays for each page what it paid for the first.
 */
@ApplicationScoped
class ArticleSearch {

    private final ArticleRepository articles;

    ArticleSearch(ArticleRepository articles) {
        this.articles = articles;
    }

    /** Up to {@code limit} articles after the filter's cursor, with their sections, tags and bylines loaded. */
    List<Article> find(ArticleFilter filter, int limit) {
        StringBuilder q = new StringBuilder("from Article a join fetch a.section s where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.section() != null) {
            q.append(" and s.slug = :section");
            params.put("section", filter.section());
        }
        if (filter.status() != null) {
            q.append(" and a.status = :status");
            params.put("status", filter.status());
        }
        if (filter.headline() != null) {
            q.append(" and lower(a.headline) like :headline escape '!'");
            params.put("headline", "%" + filter.headline().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.after() != null) {
            q.append(" and (a.modifiedAt < :at or (a.modifiedAt = :at and a.id < :id))");
            params.put("at", filter.after().modifiedAt());
            params.put("id", filter.after().id());
        }
        q.append(" order by a.modifiedAt desc, a.id desc");
        List<Article> page = articles.find(q.toString(), params).page(0, limit).list();
        articles.fetchTagsAndBylines(page.stream().map(a -> a.id).toList());
        return page;
    }
}
