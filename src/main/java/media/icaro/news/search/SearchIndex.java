package media.icaro.news.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import media.icaro.news.article.TextSimilarity;
import media.icaro.news.domain.ChangeFollower;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.ContentGeneration;

/**
 * The site's search index, under the data folder: every article, whatever its status, for the
 * newsroom's search; readers' search and related stories see only live ones. It follows every
 * change to an article as soon as the change commits, catches up at start (rebuilding from the
 * database, in the background,
 * when it is missing, of another schema, or out of step); changes written by other instances sharing
 * the database arrive through the change feed as the same event. All writes go through one thread.
 */
@ApplicationScoped
public class SearchIndex implements TextSimilarity, ChangeFollower {

    public static final int PAGE_SIZE = 20;
    /** Deeper pages than this are not offered: nobody reads them, and they cost. */
    public static final int MAX_PAGE = 50;

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private final IndexSource source;
    private final ContentGeneration generations;
    private final Path path;
    private final Duration followTimeout;
    private final ThreadPoolExecutor writes = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread thread = new Thread(r, "search-index");
                thread.setDaemon(true);
                return thread;
            });
    private final Timer searches;
    private volatile LuceneIndex index;
    private volatile boolean ready;
    /** "More like this" answers (about 10 ms each at 10,000 articles), kept until the index changes. */
    private final Map<SimilarKey, Map<Long, TextMatch>> similarCache = new ConcurrentHashMap<>();

    private record SimilarKey(long articleId, int limit) {
    }

    SearchIndex(IndexSource source, ContentGeneration generations, MeterRegistry registry,
            @ConfigProperty(name = "news.search.index-path") Path path,
            @ConfigProperty(name = "news.search.follow-timeout", defaultValue = "PT5S") Duration followTimeout) {
        this.searches = Timer.builder("news.search.queries").description("Reader searches, from query to results")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.source = source;
        this.generations = generations;
        this.path = path;
        this.followTimeout = followTimeout;
    }

    /** After first-start content (default priority), so that a new site indexes its stories in one pass. */
    void open(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) throws IOException {
        Files.createDirectories(path);
        index = LuceneIndex.open(path);
        writes.submit(() -> catchUp(false));
    }

    void close(@Observes ShutdownEvent event) throws IOException, InterruptedException {
        writes.shutdown();
        writes.awaitTermination(10, TimeUnit.SECONDS);
        if (index != null) {
            index.close();
        }
    }

    /** Whether the index has caught up with the database since start; until then results may be incomplete. */
    public boolean isReady() {
        return ready;
    }

    /** Whether no index work is queued or running: every committed change is searchable. */
    public boolean isIdle() {
        return writes.getQueue().isEmpty() && writes.getActiveCount() == 0;
    }

    public SearchResults search(String query, int page) {
        LuceneIndex current = index;
        int safePage = Math.max(1, Math.min(page, MAX_PAGE));
        if (current == null) {
            return SearchResults.empty(query == null ? "" : query);
        }
        long started = System.nanoTime();
        try {
            return current.search(query, safePage, PAGE_SIZE, Instant.now());
        } catch (IOException e) {
            LOG.error("Search failed", e);
            return SearchResults.empty(query);
        } finally {
            searches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The newsroom's full-text search over every article, drafts, scheduled and unpublished ones
     * included: the ids of the best matches, at most {@code limit}. Empty when the index cannot answer
     * (not open yet, or the text has no searchable word); the newsroom then matches headlines only.
     * Never used for readers: {@link #search} is theirs.
     */
    public Optional<List<Long>> newsroomMatches(String query, int limit) {
        LuceneIndex current = index;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(current.newsroomMatches(query, limit));
        } catch (IOException e) {
            LOG.error("Newsroom search failed", e);
            return Optional.empty();
        }
    }

    @Override
    public Map<Long, TextMatch> similarTo(long articleId, int limit) {
        LuceneIndex current = index;
        if (current == null || !ready) {
            return Map.of();
        }
        try {
            SimilarKey key = new SimilarKey(articleId, limit);
            Map<Long, TextMatch> cached = similarCache.get(key);
            if (cached == null) {
                cached = current.similarTo(articleId, limit);
                similarCache.put(key, cached);
            }
            return cached;
        } catch (IOException e) {
            LOG.warn("Similar stories unavailable: " + e.getMessage());
            return Map.of();
        }
    }

    /**
     * Applies a committed change before {@link ContentGeneration} moves on, so that a search page
     * rendered for the new generation finds it. Index writes stay on their one thread; this waits for
     * them, at most {@code news.search.follow-timeout} (a long rebuild may hold the queue: the
     * generation then moves on again once it is done).
     */
    @Override
    public void follow(ContentChanged change) {
        // Page views move no document.
        if (index == null || change.subject() == ContentChanged.Subject.MOST_READ) {
            return;
        }
        Future<?> applied = writes.submit(() -> {
            try {
                if (!writable()) {
                    return;
                }
                switch (change.subject()) {
                    case ARTICLE -> apply(source.change(change.id(), Instant.now()));
                    // A section's name and address are in every document of its articles.
                    case SECTION -> source.inSection(change.id()).forEach(this::apply);
                    case EVERYTHING -> catchUp(true);
                    // Fronts arrange stories, and site pages are not searched: no document changes.
                    case FRONT, PAGE -> {
                    }
                }
                commitWhenIdle();
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not update the search index after " + change, e);
            }
        });
        try {
            applied.get(followTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("The search index is busy; %s will be searchable once it is through", change);
            writes.submit(generations::advance);
        } catch (ExecutionException e) {
            LOG.error("Could not update the search index after " + change, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Brings the index in step with the database: the changes since it last saw one, or a rebuild
     * (always, when {@code rebuild}: after the change feed lost track, a renamed section, which moves
     * no article's modification time, may be among what it missed).
     */
    private void catchUp(boolean rebuild) {
        try {
            if (!writable()) {
                return;
            }
            Instant now = Instant.now();
            IndexSource.Fingerprint database = source.fingerprint();
            LuceneIndex.State state = index.state();
            boolean changed = !ready;
            // A rebuild replaces every document: applying the changes one by one first would only delay it
            // (after a site import, by a query and a document for every article).
            if (!rebuild && state.currentSchema() && state.latestSeconds() > 0) {
                for (Long id : source.changedSince(Instant.ofEpochSecond(state.latestSeconds()))) {
                    apply(source.change(id, now));
                    changed = true;
                }
                index.commit();
                state = index.state();
            }
            if (rebuild || !state.currentSchema() || state.documents() != database.articleCount()) {
                long started = System.nanoTime();
                var documents = source.all();
                index.replaceAll(documents, database.latestModification());
                similarCache.clear();
                LOG.infof("Search index rebuilt: %d articles in %d ms", documents.size(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                changed = true;
            }
            ready = true;
            if (changed) {
                // Search pages rendered before now may lack what was just indexed.
                generations.advance();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The search index could not catch up; it will try again", e);
        }
    }

    /**
     * Lucene closes its writer for good after a failed write (a full disk): a new one takes over
     * and a catch-up brings back what the failure lost. False while the index cannot be opened yet
     * (the disk still full); the next change or sync tries again.
     */
    private boolean writable() {
        if (index.isOpen()) {
            return true;
        }
        LuceneIndex broken = index;
        try {
            index = LuceneIndex.open(path);
        } catch (IOException | RuntimeException e) {
            LOG.error("The search index cannot be reopened yet; it will try again", e);
            return false;
        }
        similarCache.clear();
        try {
            broken.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the failed search index", e);
        }
        LOG.warn("Search index reopened after a failed write; catching up with the database");
        writes.submit(() -> catchUp(false));
        return true;
    }

    /** One commit (an fsync) for a burst of changes, not one per change. */
    private void commitWhenIdle() throws IOException {
        if (writes.getQueue().isEmpty()) {
            index.commit();
        }
    }

    private void apply(IndexSource.Change change) {
        similarCache.clear();
        try {
            if (change.document().isPresent()) {
                index.upsert(change.document().get());
            } else {
                index.delete(change.id(), change.modifiedAt());
            }
        } catch (IOException e) {
            LOG.error("Could not update the search index for article " + change.id(), e);
        }
    }
}
