package media.icaro.news.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ArticleAutosaveRepository implements PanacheRepository<ArticleAutosave> {

    /** Where an article stands, as far as an autosave of it needs to know. */
    public record ArticleState(long version, String createdBy, Instant modifiedAt) {
    }

    public Optional<ArticleAutosave> findByUserAndKey(String username, String articleKey) {
        return find("username = ?1 and articleKey = ?2", username, articleKey).firstResultOptional();
    }

    /** A user's unsaved work, the latest first. */
    public List<ArticleAutosave> listByUser(String username) {
        return list("username = ?1 order by savedAt desc, id desc", username);
    }

    public long deleteByUserAndKey(String username, String articleKey) {
        return delete("username = ?1 and articleKey = ?2", username, articleKey);
    }

    /** One small query, however long the article and its history: autosaves come every few seconds. */
    public Optional<ArticleState> articleState(long articleId) {
        return getEntityManager()
                .createQuery("select a.version, a.createdBy, a.modifiedAt from Article a where a.id = ?1", Object[].class)
                .setParameter(1, articleId).getResultStream().findFirst()
                .map(row -> new ArticleState((Long) row[0], (String) row[1], (Instant) row[2]));
    }
}
