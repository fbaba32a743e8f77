package media.icaro.news.popular;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ArticleViewsRepository implements PanacheRepositoryBase<ArticleViews, ArticleViews.Bucket> {

    /**
     * Adds views to a bucket: an update, then an insert when there was no row yet. When another instance
     * inserts the same bucket at the same moment, one of the two inserts fails on the primary key and
     * its transaction is tried again (the caller's), now finding the row to update.
     */
    void add(ArticleViews.Bucket bucket, long views) {
        int updated = update("views = views + ?1 where hourStart = ?2 and articleId = ?3", views, bucket.hourStart(),
                bucket.articleId());
        if (updated == 0) {
            ArticleViews row = new ArticleViews();
            row.hourStart = bucket.hourStart();
            row.articleId = bucket.articleId();
            row.views = views;
            persist(row);
        }
    }

    /** The most read articles since this hour, most read first (the newer article first on a tie), whatever their status. */
    List<Long> mostReadSince(Instant since, int limit) {
        return getEntityManager().createQuery("select v.articleId from ArticleViews v where v.hourStart >= :since"
                + " group by v.articleId order by sum(v.views) desc, v.articleId desc", Long.class)
                .setParameter("since", since).setMaxResults(limit).getResultList();
    }

    long deleteBefore(Instant hour) {
        return delete("hourStart < ?1", hour);
    }
}
