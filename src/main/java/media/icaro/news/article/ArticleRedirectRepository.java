package media.icaro.news.article;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Old addresses of live articles, by path. */
@ApplicationScoped
public class ArticleRedirectRepository implements PanacheRepositoryBase<ArticleRedirect, String> {
}
