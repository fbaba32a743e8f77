package media.icaro.news.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;

import media.icaro.news.domain.ContentGeneration;

/**
 * Public pages as rendered bytes (and their gzip form, made once), each kept with the
 * {@link ContentGeneration} it was rendered in and served only while that generation is current: any
 * change makes every page fresh at once. Bounded in entries and bytes; pages of past generations go
 * first, then the least recently read.
 */
@ApplicationScoped
public class PageCache {

    /** A rendered page; its gzip form is made the first time a client asks for it, when it pays. */
    public static final class Page {
        final byte[] body;
        private volatile byte[] gzip;
        final String contentType;
        final String etag;
        final String gzipEtag;
        final String lastModified;
        final Instant modified;
        final long generation;
        volatile long lastRead;

        private Page(byte[] body, String contentType, String etag, ContentGeneration.Generation generation) {
            this.body = body;
            this.contentType = contentType;
            this.etag = '"' + etag + '"';
            this.gzipEtag = '"' + etag + "-gz\"";
            this.modified = generation.since();
            this.lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC));
            this.generation = generation.number();
            this.lastRead = System.nanoTime();
        }

        /** Bytes kept outside the cache (static assets), with their gzip form when it pays. */
        static Page of(byte[] body, String contentType, ContentGeneration.Generation generation) {
            return new Page(body, contentType, digest(body), generation);
        }

        /** What the page may come to hold in memory: the body and its gzip form (a quarter of it, for HTML and XML). */
        int size() {
            return body.length + body.length / 4;
        }

        /** Whether to send the gzip form to a client that sent this {@code Accept-Encoding}. */
        public boolean gzipFor(String acceptEncoding) {
            return body.length >= GZIP_FROM && acceptsGzip(acceptEncoding);
        }

        public byte[] body(boolean gzipped) {
            if (!gzipped) {
                return body;
            }
            byte[] compressed = gzip;
            if (compressed == null) {
                // Two first readers may both compress: the same bytes, so either may stay.
                compressed = gzip(body);
                gzip = compressed;
            }
            return compressed;
        }

        public String etag(boolean gzipped) {
            return gzipped ? gzipEtag : etag;
        }

        public String contentType() {
            return contentType;
        }

        public String lastModified() {
            return lastModified;
        }

        /**
         * Whether a conditional GET may be answered 304: {@code If-None-Match} names either form (a weak
         * comparison, as RFC 9110 asks for GET); without it, {@code If-Modified-Since} is this page's
         * {@code Last-Modified} or later (generations get strictly later times, so a change always fails it).
         */
        public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
            if (ifNoneMatch != null) {
                for (String tag : ifNoneMatch.split(",")) {
                    String t = tag.strip();
                    if (t.startsWith("W/")) {
                        t = t.substring(2);
                    }
                    if (t.equals("*") || t.equals(etag) || t.equals(gzipEtag)) {
                        return true;
                    }
                }
                return false;
            }
            if (ifModifiedSince != null) {
                try {
                    return !modified.isAfter(ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
            return false;
        }
    }

    /** True unless gzip is absent or refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                    if (param.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Below this, gzip's header and the Vary bookkeeping cost more than they save. */
    private static final int GZIP_FROM = 256;

    private final ContentGeneration generations;
    private final boolean enabled;
    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Counter hits;
    private final Counter misses;
    private final Counter waits;

    PageCache(ContentGeneration generations, MeterRegistry registry,
            @ConfigProperty(name = "news.page-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "news.page-cache.max-entries", defaultValue = "5000") int maxEntries,
            @ConfigProperty(name = "news.page-cache.max-size", defaultValue = "64M") MemorySize maxSize) {
        this.generations = generations;
        this.enabled = enabled;
        this.maxEntries = maxEntries;
        this.maxBytes = maxSize.asLongValue();
        this.hits = registry.counter("news.page.cache.requests", "result", "hit");
        this.misses = registry.counter("news.page.cache.requests", "result", "miss");
        this.waits = registry.counter("news.page.cache.requests", "result", "waited");
        registry.gauge("news.page.cache.entries", pages, Map::size);
        registry.gauge("news.page.cache.bytes", bytes);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The page kept for this address, if it is of the current generation. */
    public Page fresh(String address) {
        Page page = enabled ? pages.get(address) : null;
        if (page == null || page.generation != generations.current().number()) {
            return null;
        }
        page.lastRead = System.nanoTime();
        hits.increment();
        return page;
    }

    /** A request served the page another request for the same address was rendering. */
    void countWait() {
        waits.increment();
    }

    /**
     * Keeps a page rendered in {@code generation}, read before rendering began: if content changed
     * meanwhile, the page is already out of date and will not be served.
     */
    public Page store(String address, String text, String contentType, ContentGeneration.Generation generation) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Page page = Page.of(body, contentType, generation);
        misses.increment();
        if (enabled) {
            Page previous = pages.put(address, page);
            bytes.addAndGet(page.size() - (previous == null ? 0 : previous.size()));
            if (pages.size() > maxEntries || bytes.get() > maxBytes) {
                evict();
            }
        }
        return page;
    }

    /** Down to nine tenths of each bound: past generations first, then the least recently read. */
    private synchronized void evict() {
        long current = generations.current().number();
        pages.forEach((address, page) -> {
            if (page.generation != current) {
                forget(address, page);
            }
        });
        pages.entrySet().stream()
                .sorted(Comparator.comparingLong(e -> e.getValue().lastRead))
                .takeWhile(e -> pages.size() * 10L > maxEntries * 9L || bytes.get() * 10 > maxBytes * 9)
                .forEach(e -> forget(e.getKey(), e.getValue()));
    }

    private void forget(String address, Page page) {
        if (pages.remove(address, page)) {
            bytes.addAndGet(-page.size());
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
