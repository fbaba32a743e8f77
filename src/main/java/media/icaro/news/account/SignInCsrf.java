package media.icaro.news.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * The sign-in form carries a CSRF token like every form, so that another site cannot sign a reader
 * in to an account of its choosing. Quarkus reads that form itself, before any REST filter:
 * {@link AccountIdentityProvider} compares the token, and this route answers a form sent without the
 * cookie (expired, or from elsewhere) with a fresh form and a message rather than a wrong-password one.
 */
@ApplicationScoped
class SignInCsrf {

    private final String formPostPath;
    private final String csrfCookie;

    SignInCsrf(@ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String formPostPath,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie) {
        this.formPostPath = formPostPath;
        this.csrfCookie = csrfCookie;
    }

    void install(@Observes Router router) {
        // Before Quarkus's authentication handlers, which read the form.
        router.post(formPostPath).order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (ctx.request().getCookie(csrfCookie) == null) {
                ctx.response().setStatusCode(303).putHeader("Location", "/login?expired=true").end();
            } else {
                ctx.next();
            }
        });
    }
}
