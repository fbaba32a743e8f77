package media.icaro.news.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.site.SiteConfig;

/**
 * Checks the newsroom's form sign-ins and the API's Basic credentials against the accounts. A form
 * sign-in also opens a server-side session and starts a fresh CSRF token.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountService accounts;
    private final SessionService sessions;
    private final String formPostPath;
    private final String csrfCookie;
    private final boolean secureCookies;

    AccountIdentityProvider(AccountService accounts, SessionService sessions, SiteConfig site,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String formPostPath,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.formPostPath = formPostPath;
        this.csrfCookie = csrfCookie;
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
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            SecurityIdentity identity = accounts.authenticate(username, password, address);
            if (routing != null && routing.normalizedPath().equals(formPostPath)) {
                SessionCookie.set(routing, sessions.open(identity.getPrincipal().getName(), Instant.now()), secureCookies);
                // A token from before signing in may have been planted; the landing page issues a new one.
                routing.response().removeCookie(csrfCookie);
            }
            return identity;
        });
    }
}
