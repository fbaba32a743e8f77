package media.icaro.news.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** The image cache holds at most its size in bytes, dropping the image served longest ago. */
class ImageCacheTest {

    final List<Long> reads = new ArrayList<>();
    /** Image n is n bytes long; there are 100. */
    final Function<ImageCache.Key, Optional<StoredImage>> database = key -> {
        reads.add(key.image());
        return key.image() > 100 ? Optional.empty() : Optional.of(new StoredImage("image/png", new byte[(int) key.image()]));
    };

    static ImageCache.Key image(long id) {
        return new ImageCache.Key(id, 0);
    }

    @Test
    void anImagesSmallerVersionIsHeldApart() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        StoredImage original = cache.get(image(10), database).orElseThrow();
        StoredImage smaller = cache.get(new ImageCache.Key(10, 320), key -> Optional.of(new StoredImage("image/jpeg", new byte[3])))
                .orElseThrow();
        assertSame(original, cache.get(image(10), database).orElseThrow());
        assertSame(smaller, cache.get(new ImageCache.Key(10, 320), database).orElseThrow());
        assertEquals(List.of(10L), reads);
    }

    @Test
    void aHeldImageIsNotReadAgain() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        StoredImage first = cache.get(image(10), database).orElseThrow();
        assertSame(first, cache.get(image(10), database).orElseThrow());
        assertEquals(List.of(10L), reads);
    }

    @Test
    void theLeastRecentlyServedImageMakesRoomAndNothingPassesTheBound() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        cache.get(image(40), database);
        cache.get(image(30), database);
        cache.get(image(40), database);
        cache.get(image(50), database);
        assertEquals(List.of(40L, 30L, 50L), reads, "40 and 50 fill the 100 bytes: 30 was dropped");
        cache.get(image(40), database);
        cache.get(image(50), database);
        cache.get(image(30), database);
        assertEquals(List.of(40L, 30L, 50L, 30L), reads);
    }

    @Test
    void anImageLargerThanTheCacheIsServedButNotHeld() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(50)));
        assertTrue(cache.get(image(60), database).isPresent());
        cache.get(image(60), database);
        assertEquals(List.of(60L, 60L), reads);
    }

    @Test
    void aMissingImageIsEmptyAndNotHeld() {
        ImageCache cache = new ImageCache(new MemorySize(BigInteger.valueOf(100)));
        assertTrue(cache.get(image(404), database).isEmpty());
        assertTrue(cache.get(image(404), database).isEmpty());
        assertEquals(List.of(404L, 404L), reads);
    }
}
