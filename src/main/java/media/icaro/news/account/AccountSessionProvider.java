package media.icaro.news.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Restores the identity behind a valid credential cookie on every newsroom request, from the account
 * as it is now (a disabled account or a changed role takes effect at once), and only while the
 * browser's server-side session is live.
 */
@ApplicationScoped
public class AccountSessionProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AccountService accounts;

    AccountSessionProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = SessionCookie.read(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> accounts.restore(request.getPrincipal(), token));
    }
}
