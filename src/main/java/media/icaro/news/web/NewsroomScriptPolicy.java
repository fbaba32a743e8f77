package media.icaro.news.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * Every page says {@code script-src 'none'} (quarkus.http.header in application.properties), except
 * the newsroom's: they allow the site's own script ({@code static/newsroom.js}) and nothing else, no
 * inline script, no eval ({@code news.http.newsroom-content-security-policy}). The sign-in page needs
 * no script and keeps the public policy.
 */
@ApplicationScoped
public class NewsroomScriptPolicy {

    static final String HEADER = "Content-Security-Policy";

    private final String policy;

    NewsroomScriptPolicy(@ConfigProperty(name = "news.http.newsroom-content-security-policy") String policy) {
        this.policy = policy;
    }

    /** Right after the configured headers (at {@code Integer.MIN_VALUE}), so that this one replaces theirs. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (path.equals("/admin") || path.startsWith("/admin/")) {
                ctx.response().headers().set(HEADER, policy);
            }
            ctx.next();
        });
    }
}
