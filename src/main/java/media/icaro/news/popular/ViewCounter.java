package media.icaro.news.popular;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.article.Permalinks;

/**
 * Counts readers' views of article pages in memory, by slug: a GET of an article's address answered
 * 200 or 304, whether from the page cache or rendered, by a client that is neither a bot nor a
 * prefetch. Nothing about the reader is kept: no address, cookie or user agent. {@link ViewSharing}
 * takes the counts away every interval.
 */
@ApplicationScoped
public class ViewCounter {

    /** Words in the user agents of crawlers, link previewers and monitors, in lower case. */
    private static final List<String> BOT_WORDS = List.of("bot", "crawler", "spider", "preview");
    private static final CharSequence SEC_PURPOSE = HttpHeaders.createOptimized("Sec-Purpose");
    private static final CharSequence PURPOSE = HttpHeaders.createOptimized("Purpose");

    /**
     * Views since the last {@link #drain()}. A plain count per slug rather than a {@code LongAdder}: taking
     * an entry out with {@code remove} is atomic against {@code merge}, so no view falls between a drain
     * and the next, and the map holds only the articles read within one interval.
     */
    private final Map<String, Long> views = new ConcurrentHashMap<>();

    /**
     * First of all, beside web/RequestMetrics: web/CachedPageRoute answers a page kept in memory by
     * itself, so whatever comes after it never sees those requests.
     */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String slug = request.method() == HttpMethod.GET ? Permalinks.slugOf(request.path()) : null;
        if (slug != null && byReader(request)) {
            // As the answer's headers go out: counted before the reader has the page, never after.
            ctx.addHeadersEndHandler(sending -> {
                int status = ctx.response().getStatusCode();
                if (status == 200 || status == 304) {
                    count(slug);
                }
            });
        }
        ctx.next();
    }

    /**
     * Not a bot (nor a client without a user agent: a browser always sends one), and not a page fetched
     * in case the reader opens it. Plain searches in a lower-case copy: a pattern costs ten times as much.
     */
    private static boolean byReader(HttpServerRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return false;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        for (String word : BOT_WORDS) {
            if (lower.contains(word)) {
                return false;
            }
        }
        return !prefetch(request.getHeader(SEC_PURPOSE)) && !prefetch(request.getHeader(PURPOSE));
    }

    private static boolean prefetch(String purpose) {
        return purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch");
    }

    void count(String slug) {
        views.merge(slug, 1L, Long::sum);
    }

    /** The views counted since the last call, by slug; they are no longer held here. */
    Map<String, Long> drain() {
        Map<String, Long> drained = new HashMap<>();
        for (String slug : views.keySet()) {
            Long counted = views.remove(slug);
            if (counted != null) {
                drained.put(slug, counted);
            }
        }
        return drained;
    }
}
