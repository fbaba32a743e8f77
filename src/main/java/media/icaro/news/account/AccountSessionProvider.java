package media.icaro.news.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

import media.icaro.news.domain.DatabaseFailures;

/**
 * Restores the identity behind a valid credential cookie on every newsroom request, from the account
 * as it is now (a disabled account or a changed role takes effect at once), and only while the
 * browser's server-side session is live.
 *
 * <p>While the database does not answer, a session restored before keeps its last known identity, so
 * that a save posted then comes back as the form with the typed text and a message instead of a
 * sign-in page that loses it. Nothing can be read or written meanwhile, so the last known roles grant
 * nothing more; a session never restored on this instance is refused as before.
 */
@ApplicationScoped
public class AccountSessionProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private static final int REMEMBERED = 1000;

    private record Known(String username, SecurityIdentity identity) {
    }

    private final AccountService accounts;
    /** The identities last restored, by session token, the least recently used dropped first. */
    private final Map<String, Known> lastKnown = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > REMEMBERED;
        }
    });

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
        return context.runBlocking(() -> restore(request.getPrincipal(), token));
    }

    private SecurityIdentity restore(String username, String token) {
        Known known = token == null ? null : lastKnown.get(token);
        if (known != null && known.username().equals(username) && DatabaseFailures.awayJustNow()) {
            return known.identity(); // the check would only wait for the pool's timeout and fail
        }
        try {
            SecurityIdentity identity = accounts.restore(username, token);
            if (token != null) {
                lastKnown.put(token, new Known(username, identity));
            }
            return identity;
        } catch (RuntimeException e) {
            if (token == null) {
                throw e;
            }
            if (!DatabaseFailures.note(e)) {
                lastKnown.remove(token); // signed out, disabled: never to be restored from memory
                throw e;
            }
            if (known == null || !known.username().equals(username)) {
                throw e;
            }
            return known.identity();
        }
    }
}
