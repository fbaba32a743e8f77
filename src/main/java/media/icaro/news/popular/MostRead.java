package media.icaro.news.popular;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import media.icaro.news.article.ArticleCard;
import media.icaro.news.article.ArticleService;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.ContentGeneration;
import media.icaro.news.domain.DatabaseFailures;

/**
 * The "Most read" list: the live stories readers opened most in the last 24 hours, on every instance
 * together. Every {@code news.most-read.every} this instance adds its counts to the shared hourly
 * buckets ({@link ViewSharing}) and reads the ranking back; when the list readers would see has changed,
 * it fires {@link ContentChanged#mostRead()}, so that pages showing the old list are not served again.
 * Pages read the list from memory: its cards are built once per {@link ContentGeneration}, so an edited
 * or unpublished story is right on the next page, without waiting for the next ranking.
 */
@ApplicationScoped
@Named("mostRead")
public class MostRead {

    private static final Logger LOG = Logger.getLogger(MostRead.class);

    private final ViewSharing sharing;
    private final ArticleViewsRepository views;
    private final ArticleService articles;
    private final Event<ContentChanged> changes;
    private final int size;
    private final boolean shared;
    /** The size, one more for an article page that leaves itself out. */
    private final ContentGeneration.Derived<List<ArticleCard>> shown;
    /**
     * The most read articles, whatever their status, more than the list shows: the live ones among them
     * make the list, so one unpublished keeps the list full.
     */
    private volatile List<Long> ranked = List.of();
    /** What the last ranking showed, to tell whether the next one changes it; {@link #rank} only. */
    private List<Long> lastShown = List.of();
    private Instant failingSince;
    private Instant lastFailureLog;

    MostRead(ViewSharing sharing, ArticleViewsRepository views, ArticleService articles, Event<ContentChanged> changes,
            ContentGeneration generations,
            @ConfigProperty(name = "news.most-read.size") int size,
            @ConfigProperty(name = "news.most-read.every") String every) {
        this.sharing = sharing;
        this.views = views;
        this.articles = articles;
        this.changes = changes;
        this.size = size;
        this.shared = !every.equalsIgnoreCase("off");
        this.shown = generations.derived(() -> liveAmong(ranked));
    }

    /** The list for the front page. */
    public List<ArticleCard> stories() {
        return shown.get().stream().limit(size).toList();
    }

    /** The list for an article's page: without the article itself, whose place the next one takes. */
    public List<ArticleCard> besides(long articleId) {
        return shown.get().stream().filter(story -> story.id() != articleId).limit(size).toList();
    }

    /** Shares this instance's counts and reads the ranking again; the first run is at start. */
    @Scheduled(every = "${news.most-read.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        Instant now = Instant.now();
        try {
            sharing.flush(now);
            rank(now);
            if (failingSince != null) {
                LOG.infof("Page views are shared again, after %d s", Duration.between(failingSince, now).toSeconds());
                failingSince = null;
            }
        } catch (RuntimeException e) {
            reportFailure(e, now);
        }
    }

    /** What was counted since the last run is not lost to a restart (a deploy, a scale-down). */
    void flushAtShutdown(@Observes ShutdownEvent event) {
        if (!shared) {
            return;
        }
        try {
            sharing.flush(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("%d page views could not be written before shutting down: %s", sharing.unsavedViews(), e.getMessage());
        }
    }

    /** The last 24 hours: this hour so far and the 23 before it. */
    synchronized void rank(Instant now) {
        Instant since = now.truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);
        List<Long> candidates = QuarkusTransaction.requiringNew().call(() -> views.mostReadSince(since, 4 * (size + 1)));
        List<Long> nowShown = QuarkusTransaction.requiringNew().call(() -> liveAmong(candidates)).stream()
                .map(ArticleCard::id).toList();
        ranked = candidates;
        if (!nowShown.equals(lastShown)) {
            lastShown = nowShown;
            changes.fire(ContentChanged.mostRead());
        }
    }

    private List<ArticleCard> liveAmong(List<Long> candidates) {
        return articles.liveCardsInOrder(candidates).stream().limit(size + 1).toList();
    }

    /** The first failure of a run of them, then a line a minute while the database stays away. */
    private void reportFailure(RuntimeException e, Instant now) {
        DatabaseFailures.note(e);
        if (failingSince == null) {
            failingSince = now;
        }
        if (lastFailureLog == null || Duration.between(lastFailureLog, now).compareTo(Duration.ofMinutes(1)) >= 0) {
            lastFailureLog = now;
            LOG.warnf("Could not share page views or read the most read, for %d s now; %d views kept for the next try: %s",
                    Duration.between(failingSince, now).toSeconds(), sharing.unsavedViews(), e.getMessage());
        }
    }
}
