package media.icaro.news.popular;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.article.ArticleService;
import media.icaro.news.article.WriteAttempts;

/**
 * Adds this instance's counts to the hourly buckets every instance shares ({@code article_view}), and
 * deletes the buckets no ranking reads any more. Views that cannot be written (the database away) are
 * kept for the next flush, up to a bound; whatever has to be dropped beyond it is logged, never lost
 * silently.
 */
@ApplicationScoped
class ViewSharing {

    private static final Logger LOG = Logger.getLogger(ViewSharing.class);
    /** Buckets older than this are deleted: a day more than the ranking reads. */
    static final Duration KEEP = Duration.ofDays(2);

    private record Unsaved(Instant hour, String slug) {
    }

    private final ViewCounter counter;
    private final ArticleViewsRepository buckets;
    private final ArticleService articles;
    /** How many hours of one article may wait for the database (the default is many hours of a large site's reading). */
    private final int maxUnsaved;
    /** Counted here, not yet in the database; guarded by this. */
    private final Map<Unsaved, Long> unsaved = new HashMap<>();
    private Instant prunedHour;

    ViewSharing(ViewCounter counter, ArticleViewsRepository buckets, ArticleService articles,
            @ConfigProperty(name = "news.most-read.max-unsaved", defaultValue = "10000") int maxUnsaved) {
        this.counter = counter;
        this.buckets = buckets;
        this.articles = articles;
        this.maxUnsaved = maxUnsaved;
    }

    /**
     * Takes the views counted since the last flush into the current hour and writes them, with any an
     * earlier flush could not write, all or none. On a failure they stay for the next flush and the
     * failure is thrown.
     */
    synchronized void flush(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        counter.drain().forEach((slug, views) -> unsaved.merge(new Unsaved(hour, slug), views, Long::sum));
        dropBeyondBounds(hour);
        if (!unsaved.isEmpty()) {
            add(QuarkusTransaction.requiringNew().call(() -> byBucket(unsaved)));
            unsaved.clear();
        }
        if (!hour.equals(prunedHour)) {
            QuarkusTransaction.requiringNew().run(() -> buckets.deleteBefore(hour.minus(KEEP)));
            prunedHour = hour;
        }
    }

    /** Views counted but not yet written. */
    synchronized long unsavedViews() {
        return unsaved.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The views of each article's hour; a slug that no longer exists (renamed within the interval) is left out. */
    private Map<ArticleViews.Bucket, Long> byBucket(Map<Unsaved, Long> views) {
        Map<String, Long> ids = articles.idsBySlug(views.keySet().stream().map(Unsaved::slug).collect(Collectors.toSet()));
        Map<ArticleViews.Bucket, Long> byBucket = new HashMap<>();
        views.forEach((key, count) -> {
            Long id = ids.get(key.slug());
            if (id != null) {
                byBucket.merge(new ArticleViews.Bucket(key.hour(), id), count, Long::sum);
            }
        });
        return byBucket;
    }

    /**
     * Adds views to the shared buckets in one transaction, again when another instance inserted one of
     * them first. In the order of the buckets, so that instances adding to the same ones lock their rows
     * in the same order and never wait for each other in a circle.
     */
    void add(Map<ArticleViews.Bucket, Long> views) {
        Map<ArticleViews.Bucket, Long> ordered = new TreeMap<>(Comparator.comparing(ArticleViews.Bucket::hourStart)
                .thenComparingLong(ArticleViews.Bucket::articleId));
        ordered.putAll(views);
        WriteAttempts.run(() -> {
            ordered.forEach(buckets::add);
            return null;
        });
    }

    /** Hours older than {@link #KEEP} would be deleted anyway; past {@link #maxUnsaved}, the oldest hours go first. */
    private void dropBeyondBounds(Instant hour) {
        if (unsaved.isEmpty()) {
            return;
        }
        Instant oldest = hour.minus(KEEP);
        long dropped = 0;
        var byAge = unsaved.keySet().stream().sorted(Comparator.comparing(Unsaved::hour)).toList();
        int over = unsaved.size() - maxUnsaved;
        for (Unsaved key : byAge) {
            if (over <= 0 && !key.hour().isBefore(oldest)) {
                break;
            }
            dropped += unsaved.remove(key);
            over--;
        }
        if (dropped > 0) {
            LOG.warnf("Dropped %d page views that could not be written to the database for too long", dropped);
        }
    }
}
