package media.icaro.news.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.site.SiteConfig;

/**
 * Checks the newsroom's form sign-ins and the API's Basic credentials against the accounts. A form
 * sign-in must carry its CSRF token; it opens a server-side session and starts a fresh CSRF token.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountService accounts;
    private final SessionService sessions;
    private final String formPostPath;
    private final String csrfCookie;
    private final String csrfField;
    private final boolean secureCookies;

    AccountIdentityProvider(AccountService accounts, SessionService sessions, SiteConfig site,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String formPostPath,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String csrfField) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.formPostPath = formPostPath;
        this.csrfCookie = csrfCookie;
        this.csrfField = csrfField;
        this.secureCookies = site.baseUrl().startsWith("https:");
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null ? "unknown" : ClientAddress.of(routing);
        String username = request.getUsername().strip().toLowerCase();
        if (!AccountService.isUsername(username)) {
            // No account has it, and a NUL in a query is an error on PostgreSQL: refused before any query.
            return Uni.createFrom().failure(new AuthenticationFailedException("Wrong username or password"));
        }
        String password = new String(request.getPassword().getPassword());
        boolean formSignIn = routing != null && routing.normalizedPath().equals(formPostPath);
        if (formSignIn && !hasCsrfToken(routing)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The sign-in form's CSRF token is missing or wrong"));
        }
        return context.runBlocking(() -> {
            SecurityIdentity identity = accounts.authenticate(username, password, address);
            if (formSignIn) {
                SessionCookie.set(routing, sessions.open(identity.getPrincipal().getName(), Instant.now()), secureCookies);
                // A token from before signing in may have been planted; the landing page issues a new one.
                routing.response().removeCookie(csrfCookie);
            }
            return identity;
        });
    }

    /** The form's token matches its cookie ({@link SignInCsrf} has already answered a form without the cookie). */
    private boolean hasCsrfToken(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(csrfCookie);
        String token = routing.request().getFormAttribute(csrfField);
        return cookie != null && token != null
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
