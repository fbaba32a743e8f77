package media.icaro.news.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

import media.icaro.news.newsroom.api.ApiErrors;

/**
 * No address of this site has path parameters ({@code ;x}, {@code ;jsessionid=...}). Left to the
 * security layer, such newsroom addresses never answered and held their connection open; elsewhere
 * they served a page under a second address. Before anything else runs, they are sent to an address
 * no page has ('_' is never in a slug), which answers the not-found page (JSON under /api).
 */
@ApplicationScoped
public class PathParameters {

    static final String NOWHERE = "/_/not-found";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.request().path();
            if (path != null && path.indexOf(';') >= 0) {
                ctx.reroute(ApiErrors.isApiPath(path) ? "/api" + NOWHERE : NOWHERE);
            } else {
                ctx.next();
            }
        });
    }
}
