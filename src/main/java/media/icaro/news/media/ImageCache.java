package media.icaro.news.media;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Images and their smaller versions held in memory, at most {@code news.media.cache-size} bytes of them,
 * least recently served dropped first. Reading a 5 MB image from the database costs several copies of it, so a crowd asking
 * for one image waits for a single read, and only {@link #CONCURRENT_LOADS} reads run at once.
 * Images never change, so a held copy never goes stale.
 */
@ApplicationScoped
class ImageCache {

    static final int CONCURRENT_LOADS = 2;

    /** An image's original (width 0) or one of its smaller versions. */
    record Key(long image, int width) {
    }

    private final long capacity;
    private final Semaphore loads = new Semaphore(CONCURRENT_LOADS, true);
    private final Map<Key, CompletableFuture<Optional<StoredImage>>> loading = new ConcurrentHashMap<>();
    /** In access order, guarded by itself. */
    private final LinkedHashMap<Key, StoredImage> held = new LinkedHashMap<>(64, 0.75f, true);
    private long heldBytes;

    ImageCache(@ConfigProperty(name = "news.media.cache-size", defaultValue = "64M") MemorySize capacity) {
        this.capacity = capacity.asLongValue();
    }

    /** The image, from memory or else read once by {@code loader}; empty when there is none. */
    Optional<StoredImage> get(Key id, Function<Key, Optional<StoredImage>> loader) {
        StoredImage image = held(id);
        if (image != null) {
            return Optional.of(image);
        }
        CompletableFuture<Optional<StoredImage>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<StoredImage>> theirs = loading.putIfAbsent(id, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            image = held(id);
            Optional<StoredImage> loaded = image != null ? Optional.of(image) : load(id, loader);
            loaded.ifPresent(found -> hold(id, found));
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(id, mine);
        }
    }

    private Optional<StoredImage> load(Key id, Function<Key, Optional<StoredImage>> loader) {
        loads.acquireUninterruptibly();
        try {
            return loader.apply(id);
        } finally {
            loads.release();
        }
    }

    private StoredImage held(Key id) {
        synchronized (held) {
            return held.get(id);
        }
    }

    private void hold(Key id, StoredImage image) {
        long size = image.data().length;
        if (size > capacity) {
            return;
        }
        synchronized (held) {
            if (held.putIfAbsent(id, image) != null) {
                return;
            }
            heldBytes += size;
            Iterator<StoredImage> oldestFirst = held.values().iterator();
            while (heldBytes > capacity) {
                heldBytes -= oldestFirst.next().data().length;
                oldestFirst.remove();
            }
        }
    }
}
