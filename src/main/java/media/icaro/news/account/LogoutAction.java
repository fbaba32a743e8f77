package media.icaro.news.account;

import java.net.URI;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** Signing out changes state, so it is a POST, with the CSRF token like every form. */
@Path("/logout")
public class LogoutAction {

    private final SecurityIdentity identity;

    LogoutAction(SecurityIdentity identity) {
        this.identity = identity;
    }

    @POST
    public Response logout() {
        if (!identity.isAnonymous()) {
            FormAuthenticationMechanism.logout(identity);
        }
        return Response.seeOther(URI.create("/login?out=true")).build();
    }
}
