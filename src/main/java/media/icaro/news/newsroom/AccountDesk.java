package media.icaro.news.newsroom;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.account.Roles;
import media.icaro.news.account.SessionCookie;
import media.icaro.news.domain.FieldErrors;

/** The signed-in user's own account: who they are, and a form to change their password. */
@Path("/admin/account")
@RolesAllowed(Roles.CONTRIBUTOR)
@Produces(ArticleDesk.HTML)
public class AccountDesk {

    /** Notices shown after a successful post/redirect/get, by the code in the redirect. */
    static final Map<String, String> NOTICES = Map.of(
            "password", "Password changed: use the new one next time you sign in.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(AccountDeskService.Page page);
    }

    private final AccountDeskService desk;
    private final SecurityIdentity identity;
    private final RoutingContext routing;

    AccountDesk(AccountDeskService desk, SecurityIdentity identity, RoutingContext routing) {
        this.desk = desk;
        this.identity = identity;
        this.routing = routing;
    }

    @GET
    public TemplateInstance account(@RestQuery String done) {
        return Templates.account(desk.page(user(), new FieldErrors(), done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String password,
            @RestForm String confirmPassword) {
        try {
            desk.changeOwnPassword(identity.getPrincipal().getName(), currentPassword, password, confirmPassword,
                    SessionCookie.read(routing));
            return Response.seeOther(URI.create("/admin/account?done=password")).build();
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(desk.page(user(), e.errors(), null))).build();
        }
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
