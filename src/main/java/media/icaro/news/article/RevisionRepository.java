package media.icaro.news.article;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class RevisionRepository implements PanacheRepository<Revision> {

    /** An article's revisions, newest first. */
    public List<Revision> listForArticle(long articleId) {
        return list("articleId = ?1 order by revisedAt desc, id desc", articleId);
    }

    /** Who saved the article last. */
    public Optional<String> lastEditor(long articleId) {
        return getEntityManager()
                .createQuery("select r.revisedBy from Revision r where r.articleId = ?1 order by r.revisedAt desc, r.id desc",
                        String.class)
                .setParameter(1, articleId).setMaxResults(1).getResultStream().findFirst();
    }
}
