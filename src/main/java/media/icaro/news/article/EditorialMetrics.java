package media.icaro.news.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes as {@code news.articles.published} in {@code /q/metrics}, by editors or on schedule,
 * counted once their transaction has committed: a save that fails or is tried again counts once or
 * not at all.
 */
@ApplicationScoped
class EditorialMetrics {

    private final TransactionSynchronizationRegistry transactions;
    private final Counter byEditors;
    private final Counter onSchedule;

    EditorialMetrics(TransactionSynchronizationRegistry transactions, MeterRegistry registry) {
        this.transactions = transactions;
        this.byEditors = published(registry, "editor");
        this.onSchedule = published(registry, "schedule");
    }

    private static Counter published(MeterRegistry registry, String by) {
        return Counter.builder("news.articles.published").description("Articles that went live")
                .tag("by", by).register(registry);
    }

    /** In the transaction that made an article live. */
    void publishedByEditor() {
        afterCommit(byEditors);
    }

    void publishedOnSchedule() {
        afterCommit(onSchedule);
    }

    private void afterCommit(Counter counter) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
