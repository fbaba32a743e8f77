package media.icaro.news;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.article.Article;

/**
 * An article's row held locked by another transaction, as a long write elsewhere would hold it, until
 * closed: a save meanwhile waits for the database's lock timeout, then fails there.
 */
public final class HeldRow implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<?> holder;

    private HeldRow(EntityManager entityManager, long articleId) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        holder = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.find(Article.class, articleId, LockModeType.PESSIMISTIC_WRITE);
            held.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!held.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the row of article " + articleId + " could not be locked");
        }
    }

    public static HeldRow ofArticle(EntityManager entityManager, long articleId) throws InterruptedException {
        return new HeldRow(entityManager, articleId);
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            holder.get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
