package media.icaro.news.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Redirects within the site name only the path. JAX-RS and the sign-in redirect make a relative
 * location absolute with the request's Host header, so a forged Host (or a poisoned shared cache)
 * would send readers to another site; a relative location cannot.
 */
@ApplicationScoped
public class RelativeRedirects {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> relativise(ctx));
            ctx.next();
        });
    }

    private static void relativise(RoutingContext ctx) {
        String location = ctx.response().headers().get(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException e) {
            return;
        }
        String host = ctx.request().getHeader(HttpHeaders.HOST);
        if (target.isAbsolute() && host != null && host.equalsIgnoreCase(target.getRawAuthority())) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            ctx.response().headers().set(HttpHeaders.LOCATION,
                    target.getRawQuery() == null ? path : path + "?" + target.getRawQuery());
        }
    }
}
