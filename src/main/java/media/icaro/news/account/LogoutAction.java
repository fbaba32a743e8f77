package media.icaro.news.account;

import java.net.URI;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;

/**
 * Signing out changes state, so it is a POST, with the CSRF token like every form. It ends the
 * server-side session too, so that a copy of the cookies opens nothing afterwards.
 */
@Path("/logout")
public class LogoutAction {

    private final SecurityIdentity identity;
    private final SessionService sessions;
    private final RoutingContext routing;

    LogoutAction(SecurityIdentity identity, SessionService sessions, RoutingContext routing) {
        this.identity = identity;
        this.sessions = sessions;
        this.routing = routing;
    }

    @POST
    public Response logout() {
        // The identity is restored lazily, from the session: before the session ends.
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        sessions.close(SessionCookie.read(routing));
        SessionCookie.clear(routing);
        return Response.seeOther(URI.create("/login?out=true")).build();
    }
}
