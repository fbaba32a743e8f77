package media.icaro.news.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.domain.ContentGeneration;

/**
 * Serves public pages from {@link PageCache} on the event loop, before the REST layer: no thread
 * switch, no database. A miss goes on to the page's resource with the generation read now, before
 * anything is rendered, for {@link CachedPageFilter} to keep the result under.
 */
@ApplicationScoped
public class CachedPageRoute {

    static final String GENERATION = CachedPageRoute.class.getName() + ".generation";
    static final String RENDERING = CachedPageRoute.class.getName() + ".rendering";
    /** The types quarkus.http.compress-media-types names. */
    private static final Pattern COMPRESSIBLE = Pattern.compile(
            "(text/|application/(json|xml|rss\\+xml|atom\\+xml|javascript)|image/svg\\+xml)", Pattern.CASE_INSENSITIVE);

    private final PageCache cache;
    private final ContentGeneration generations;
    private final HttpCaching caching;
    private final Map<String, Rendering> rendering = new ConcurrentHashMap<>();

    CachedPageRoute(PageCache cache, ContentGeneration generations, HttpCaching caching) {
        this.cache = cache;
        this.generations = generations;
        this.caching = caching;
    }

    /**
     * After the configured security headers ({@code Integer.MIN_VALUE}) and the body handler, before
     * authentication and the REST layer's per-request work (it matches every path against every
     * resource template, which costs more than serving a kept page).
     */
    static final int ORDER = Integer.MIN_VALUE + 2;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            passOn(ctx);
            return;
        }
        ContentGeneration.Generation generation = generations.current();
        String address = ctx.request().uri();
        PageCache.Page page = cache.fresh(address);
        if (page != null) {
            RequestMetrics.name(ctx, "page-cache");
            send(ctx, page, caching.pageCacheControl());
            return;
        }
        if (!cache.enabled()) {
            ctx.put(GENERATION, generation);
            passOn(ctx);
            return;
        }
        Rendering mine = new Rendering(generation.number());
        Rendering running = rendering.merge(address, mine, (old, fresh) -> old.generation == fresh.generation ? old : fresh);
        if (running != mine) {
            awaitRendering(ctx, running, generation);
            return;
        }
        ctx.put(GENERATION, generation);
        ctx.put(RENDERING, mine);
        ctx.addEndHandler(ended -> {
            rendering.remove(address, mine);
            mine.page.complete(null); // not kept (an error, a redirect): whoever waited renders it too
        });
        passOn(ctx);
    }

    /**
     * A burst of readers of a page that is not kept (after a change, the whole front page audience at
     * once) costs one rendering: the first renders it, the others of the same generation wait for the
     * result, without holding a thread.
     */
    private void awaitRendering(RoutingContext ctx, Rendering running, ContentGeneration.Generation generation) {
        Context context = ctx.vertx().getOrCreateContext();
        running.page.whenComplete((page, failure) -> context.runOnContext(ignored -> {
            if (page != null) {
                cache.countWait();
                RequestMetrics.name(ctx, "page-cache");
                send(ctx, page, caching.pageCacheControl());
            } else {
                ctx.put(GENERATION, generation);
                passOn(ctx);
            }
        }));
    }

    /** A page being rendered for one generation; completed with the page, or null when it is not kept. */
    static final class Rendering {
        final long generation;
        final CompletableFuture<PageCache.Page> page = new CompletableFuture<>();

        Rendering(long generation) {
            this.generation = generation;
        }
    }

    /** A kept page or asset, in the form the client accepts, or 304 when it has it already. */
    static void send(RoutingContext ctx, PageCache.Page page, String cacheControl) {
        boolean gzipped = page.gzipFor(ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, page.contentType());
        HttpCaching.headers(response.headers()::set, page, gzipped, cacheControl);
        if (page.notModified(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                ctx.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE))) {
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = page.body(gzipped);
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    /** On to the REST layer or static files; whatever may come back compressed says so to shared caches. */
    private static void passOn(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            var headers = ctx.response().headers();
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            String vary = headers.get(HttpHeaders.VARY);
            if (type != null && COMPRESSIBLE.matcher(type).lookingAt()
                    && (vary == null || !vary.toLowerCase(Locale.ROOT).contains("accept-encoding"))) {
                headers.set(HttpHeaders.VARY, vary == null || vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding");
            }
        });
        ctx.next();
    }
}
