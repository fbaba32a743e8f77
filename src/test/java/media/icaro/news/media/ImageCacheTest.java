package media.icaro.news.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** The image cache holds at most its size in bytes, dropping the image served longest ago. */
class ImageCacheTest {

    final List<Long> reads = new ArrayList<>();
    final LongFunction<Optional<StoredImage>> database = id -> {
        reads.add(id);
        return id > 100 ? Optional.empty() : Optional.of(new StoredImage(id, "image/png", new byte[(int) id]));
    };

    @Test
    void aHeldImageIsNotReadAgain() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        StoredImage first = cache.get(10, database).orElseThrow();
        assertSame(first, cache.get(10, database).orElseThrow());
        assertEquals(List.of(10L), reads);
    }

    @Test
    void theLeastRecentlyServedImageMakesRoomAndNothingPassesTheBound() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        cache.get(40, database);
        cache.get(30, database);
        cache.get(40, database);
        cache.get(50, database);
        assertEquals(List.of(40L, 30L, 50L), reads, "40 and 50 fill the 100 bytes: 30 was dropped");
        cache.get(40, database);
        cache.get(50, database);
        cache.get(30, database);
        assertEquals(List.of(40L, 30L, 50L, 30L), reads);
    }

    @Test
    void anImageLargerThanTheCacheIsServedButNotHeld() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(50)));
        assertTrue(cache.get(60, database).isPresent());
        cache.get(60, database);
        assertEquals(List.of(60L, 60L), reads);
    }

    @Test
    void aMissingImageIsEmptyAndNotHeld() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        assertTrue(cache.get(404, database).isEmpty());
        assertTrue(cache.get(404, database).isEmpty());
        assertEquals(List.of(404L, 404L), reads);
    }
}
