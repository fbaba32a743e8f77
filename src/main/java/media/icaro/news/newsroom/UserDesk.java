package media.icaro.news.newsroom;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.AccountView;
import media.icaro.news.account.Roles;
import media.icaro.news.domain.FieldErrors;

/** The newsroom's user pages: the accounts, a form to create one, and each account's role, access and password. */
@Path("/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(ArticleDesk.HTML)
public class UserDesk {

    /** Notices shown after a successful post/redirect/get, by the code in the redirect. */
    static final Map<String, String> NOTICES = Map.of(
            "created", "Account created. Give the user their password by a safe route; they can change it under My account.",
            "saved", "Saved: the new role and access apply from the user's next page.",
            "reset", "Password reset. Give the user the new password by a safe route.");

    private static final String USERNAME = "{username: [a-z0-9][a-z0-9._-]{1,79}}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UserDeskService.ListPage page);

        static native TemplateInstance user(UserDeskService.UserPage page);
    }

    private final UserDeskService desk;
    private final SecurityIdentity identity;

    UserDesk(UserDeskService desk, SecurityIdentity identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return Templates.list(desk.list(user(), done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(UserForm form) {
        try {
            AccountView account = desk.create(form);
            return redirect(account.username(), "created");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(desk.withErrors(user(), form, e.errors()))).build();
        }
    }

    @GET
    @Path(USERNAME)
    public TemplateInstance user(@PathParam("username") String username, @RestQuery String done) {
        return Templates.user(desk.user(username, user(), done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Path(USERNAME)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("username") String username, @RestForm String role, @RestForm String enabled) {
        try {
            desk.update(identity.getPrincipal().getName(), username, role, enabled);
            return redirect(username, "saved");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.user(desk.withRoleErrors(username, role, enabled, user(), e.errors()))).build();
        }
    }

    @POST
    @Path(USERNAME + "/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("username") String username, @RestForm String password) {
        try {
            desk.resetPassword(username, password);
            return redirect(username, "reset");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.user(desk.withPasswordErrors(username, user(), e.errors()))).build();
        }
    }

    private static Response redirect(String username, String done) {
        return Response.seeOther(URI.create("/admin/users/" + username + "?done=" + done)).build();
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
