package media.icaro.news.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * Public pages depend on nothing per reader, so they must carry no cookie that would keep them
 * out of shared caches. The CSRF filter hands its cookie to every GET; only the newsroom and its
 * sign-in page and form keep it (signing in drops the token from before).
 */
@ApplicationScoped
public class PublicPagesStayCookieFree {

    private final String csrfCookie;

    PublicPagesStayCookieFree(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie) {
        this.csrfCookie = csrfCookie;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (!isNewsroom(ctx.normalizedPath())) {
                ctx.addHeadersEndHandler(ignored -> ctx.response().removeCookie(csrfCookie, false));
            }
            ctx.next();
        });
    }

    static boolean isNewsroom(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/login") || path.equals("/logout")
                || path.equals("/j_security_check");
    }
}
