package media.icaro.news.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/** The sign-in page; its form posts to Quarkus's form authentication at /j_security_check. */
@Path("/login")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String problem, boolean signedOut);
    }

    private final LoginThrottle throttle;
    private final RoutingContext routing;

    LoginPage(LoginThrottle throttle, RoutingContext routing) {
        this.throttle = throttle;
        this.routing = routing;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@RestQuery String error, @RestQuery String out, @RestQuery String expired) {
        String problem = null;
        if (expired != null) {
            problem = "The sign-in form had expired, so nothing was checked. Sign in again with this one.";
        } else if (error != null) {
            problem = throttle.lockedForAddress(ClientAddress.of(routing), Instant.now())
                    .map(LoginPage::lockedMessage)
                    .orElse("Wrong username or password. Check them and try again.");
        }
        // Never stored: the quarkus.http.filter.newsroom header says so.
        return Templates.login(problem, out != null);
    }

    static String lockedMessage(Duration remaining) {
        long minutes = Math.max(1, (remaining.getSeconds() + 59) / 60);
        return "Too many failed sign-ins. For your security, signing in is paused for " + minutes
                + (minutes == 1 ? " minute" : " minutes") + ", even with the right password.";
    }
}
