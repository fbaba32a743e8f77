package media.icaro.news.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.DatabaseFailures;

/**
 * How instances sharing one database follow each other's writes, through the database itself (no
 * broker): each {@link ContentChanged} fired inside a write's transaction adds a row to
 * {@code content_change}, committed or rolled back with the write; every instance reads the rows
 * after the last it has settled a few times a second and fires the others' changes here as the same
 * event, outside any transaction, so that the page cache, navigation, related stories and search
 * index follow them as they follow local writes.
 * <p>
 * Rows are numbered when written but may commit out of order: a number missing below the highest
 * seen is waited for (a transaction still running) until {@code news.change-feed.gap-wait} has passed
 * (it rolled back). If the database could not be read for longer than rows are kept, everything is
 * treated as changed. Off with H2, which serves one instance.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(10);

    private final ContentChangeRepository changes;
    private final Event<ContentChanged> events;
    private final TransactionManager transactions;
    private final boolean enabled;
    private final Duration every;
    private final Duration gapWait;
    private final Timer delay;
    private final String origin = UUID.randomUUID().toString();

    // Touched by the one poller thread only.
    private long settled;
    private final Set<Long> seenAbove = new HashSet<>();
    private final Map<Long, Instant> gaps = new HashMap<>();
    private Instant lastRead;
    private Instant lastCleaned = Instant.EPOCH;
    /** When the feed started failing to be read, null while it is read; poll() runs on one thread. */
    private Instant failingSince;
    private Instant lastFailureLog;
    private ScheduledExecutorService poller;

    ChangeFeed(ContentChangeRepository changes, Event<ContentChanged> events, TransactionManager transactions,
            MeterRegistry registry,
            @ConfigProperty(name = "news.change-feed.enabled") boolean enabled,
            @ConfigProperty(name = "news.change-feed.every", defaultValue = "PT0.25S") Duration every,
            @ConfigProperty(name = "news.change-feed.gap-wait", defaultValue = "PT1M") Duration gapWait) {
        this.changes = changes;
        this.events = events;
        this.transactions = transactions;
        this.enabled = enabled;
        this.every = every;
        this.gapWait = gapWait;
        this.delay = Timer.builder("news.change.feed.delay")
                .description("From a change's commit on another instance to its being applied here")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        settled = QuarkusTransaction.requiringNew().call(changes::lastId);
        lastRead = Instant.now();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "change-feed");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Following other instances' changes every %d ms", every.toMillis());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (poller != null) {
            poller.shutdown();
            poller.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Inside the write's transaction, so that the row commits with it; changes from the feed fire outside one. */
    void record(@Observes ContentChanged change) {
        if (!enabled || !inTransaction()) {
            return;
        }
        ContentChange row = new ContentChange();
        row.subject = change.subject();
        row.subjectId = change.id();
        row.origin = origin;
        row.changedAt = Instant.now();
        changes.persist(row);
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    void poll() {
        try {
            Instant now = Instant.now();
            List<ContentChange> rows = QuarkusTransaction.requiringNew().call(() -> changes.after(settled));
            if (Duration.between(lastRead, now).compareTo(KEEP) > 0) {
                LOG.warn("The change feed was not read for over an hour: treating everything as changed");
                events.fire(ContentChanged.everything());
            }
            lastRead = now;
            for (ContentChanged change : settle(rows, now)) {
                events.fire(change);
            }
            if (Duration.between(lastCleaned, now).compareTo(CLEAN_EVERY) > 0) {
                lastCleaned = now;
                QuarkusTransaction.requiringNew().run(() -> changes.deleteOlderThan(now.minus(KEEP)));
            }
            if (failingSince != null) {
                LOG.infof("The change feed is read again, after %d s", Duration.between(failingSince, now).toSeconds());
                failingSince = null;
            }
        } catch (RuntimeException e) {
            reportFailure(e);
        }
    }

    /** The first failure of a run of them, then one line a minute while the database stays away. */
    private void reportFailure(RuntimeException e) {
        DatabaseFailures.note(e);
        Instant now = Instant.now();
        if (failingSince == null) {
            failingSince = now;
            lastFailureLog = now;
            LOG.warn("Could not read the change feed; trying again every " + every.toMillis() + " ms: " + e.getMessage());
        } else if (Duration.between(lastFailureLog, now).compareTo(Duration.ofMinutes(1)) > 0) {
            lastFailureLog = now;
            LOG.warnf("The change feed still cannot be read, for %d s now: %s",
                    Duration.between(failingSince, now).toSeconds(), e.getMessage());
        }
    }

    /** The rows not seen before and written by other instances, and moves {@code settled} up past what is settled. */
    private List<ContentChanged> settle(List<ContentChange> rows, Instant now) {
        List<ContentChanged> news = new ArrayList<>();
        long highest = settled;
        for (ContentChange row : rows) {
            highest = Math.max(highest, row.id);
            gaps.remove(row.id);
            if (seenAbove.add(row.id) && !origin.equals(row.origin)) {
                news.add(new ContentChanged(row.subject, row.subjectId));
                delay.record(Duration.between(row.changedAt, now).abs());
            }
        }
        for (long id = settled + 1; id < highest; id++) {
            if (!seenAbove.contains(id)) {
                gaps.putIfAbsent(id, now);
            }
        }
        while (seenAbove.contains(settled + 1) || gapGivenUp(settled + 1, now)) {
            settled++;
            seenAbove.remove(settled);
            gaps.remove(settled);
        }
        return news;
    }

    private boolean gapGivenUp(long id, Instant now) {
        Instant noticed = gaps.get(id);
        return noticed != null && Duration.between(noticed, now).compareTo(gapWait) > 0;
    }
}
