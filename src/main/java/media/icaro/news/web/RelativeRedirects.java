package media.icaro.news.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus and JAX-RS make a redirect's Location absolute with the request's own Host header, which a
 * client chooses: a forged one would send the reader to another site. A redirect within this site
 * answers a path instead, which browsers resolve against the address they asked.
 */
@ApplicationScoped
public class RelativeRedirects {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> relativize(ctx));
            ctx.next();
        });
    }

    private static void relativize(RoutingContext ctx) {
        String location = ctx.response().headers().get(HttpHeaders.LOCATION);
        String host = ctx.request().getHeader(HttpHeaders.HOST);
        if (location == null || host == null) {
            return;
        }
        try {
            URI uri = URI.create(location);
            if (uri.isAbsolute() && host.equalsIgnoreCase(uri.getRawAuthority())) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                ctx.response().headers().set(HttpHeaders.LOCATION,
                        path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
        } catch (IllegalArgumentException e) {
            // Not a URI this site wrote: leave it.
        }
    }
}
