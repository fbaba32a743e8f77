package media.icaro.news.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request's time as {@code news.http.requests} in {@code /q/metrics}, by route, method and
 * status. A route is the resource method that answered ({@code ArticlePage.article}), or
 * {@code page-cache} for a page served from memory, {@code static} for the stylesheet and icons,
 * {@code other} for the rest (health, metrics, sign-in, unknown addresses). Quarkus's own HTTP
 * metrics are off: they name a request by matching its path against every REST template again,
 * which cost a third of the time of a page served from memory.
 */
@ApplicationScoped
public class RequestMetrics {

    private static final String ROUTE = RequestMetrics.class.getName() + ".route";

    private record Key(String route, String method, int status) {
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Names the route of a request answered before the REST layer. */
    static void name(RoutingContext ctx, String route) {
        ctx.put(ROUTE, route);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            long started = System.nanoTime();
            ctx.addEndHandler(ended -> record(ctx, System.nanoTime() - started));
            ctx.next();
        });
    }

    @ServerResponseFilter
    public void nameResourceMethod(SimpleResourceInfo resource, ContainerResponseContext response, RoutingContext ctx) {
        if (resource != null && resource.getResourceClass() != null) {
            name(ctx, resource.getResourceClass().getSimpleName() + "." + resource.getMethodName());
        }
    }

    private void record(RoutingContext ctx, long nanos) {
        String route = ctx.get(ROUTE);
        if (route == null) {
            route = "other";
        }
        Key key = new Key(route, ctx.request().method().name(), ctx.response().getStatusCode());
        timers.computeIfAbsent(key, k -> Timer.builder("news.http.requests").description("HTTP requests by route")
                .tag("route", k.route()).tag("method", k.method()).tag("status", String.valueOf(k.status()))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
