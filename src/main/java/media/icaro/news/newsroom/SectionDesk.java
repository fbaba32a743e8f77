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

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;
import media.icaro.news.domain.FieldErrors;

/** The newsroom's sections page: the navigation's sections, a form to add one, and one to change or delete each. */
@Path("/admin/sections")
@RolesAllowed(Roles.ADMIN)
@Produces(ArticleDesk.HTML)
public class SectionDesk {

    /** Notices shown after a successful post/redirect/get, by the code in the redirect. */
    static final Map<String, String> NOTICES = Map.of(
            "created", "Section created: it is in the site's navigation.",
            "saved", "Section saved.",
            "deleted", "Section deleted: it is no longer in the site's navigation.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SectionDeskService.Page page);
    }

    private final SectionDeskService desk;
    private final SecurityIdentity identity;

    SectionDesk(SectionDeskService desk, SecurityIdentity identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return Templates.list(desk.page(user(), done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(SectionForm form) {
        try {
            desk.create(form);
            return redirect("created");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(desk.withCreateErrors(user(), form, e.errors()))).build();
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, SectionForm form) {
        try {
            desk.update(id, form);
            return redirect("saved");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(desk.withErrors(user(), id, form, e.errors()))).build();
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/delete")
    public Response delete(@PathParam("id") long id) {
        try {
            desk.delete(id);
            return redirect("deleted");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(desk.withErrors(user(), id, null, e.errors()))).build();
        }
    }

    private static Response redirect(String done) {
        return Response.seeOther(URI.create("/admin/sections?done=" + done)).build();
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
