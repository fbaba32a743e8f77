package media.icaro.news.newsroom;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;
import media.icaro.news.article.WriteAttempts;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.front.FrontDefinition;
import media.icaro.news.front.FrontService;

/** The newsroom's fronts: editors arrange the front page and each section's lead, one form each. */
@Path("/admin/fronts")
@RolesAllowed(Roles.EDITOR)
@Produces(ArticleDesk.HTML)
public class FrontDesk {

    private static final Logger LOG = Logger.getLogger(FrontDesk.class);

    static final Map<String, String> NOTICES = Map.of(
            "saved", "Saved: readers see the new arrangement now.",
            "moved", "Moved and saved: readers see the new order now.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance front(FrontDeskService.Page page);

        static native TemplateInstance unsaved(FrontDeskService.Unsaved unsaved);
    }

    private final FrontDeskService desk;
    private final SecurityIdentity identity;

    FrontDesk(FrontDeskService desk, SecurityIdentity identity) {
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    public Response index() {
        return Response.seeOther(URI.create("/admin/fronts/" + FrontService.HOME)).build();
    }

    @GET
    @Path("{name: [a-z0-9-]+}")
    public TemplateInstance get(@PathParam("name") String name, @RestQuery String done) {
        return Templates.front(desk.page(user(), front(name), done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Path("{name: [a-z0-9-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("name") String name, MultivaluedMap<String, String> form) {
        FrontDefinition front = front(name);
        Map<String, String> typed = new HashMap<>();
        form.forEach((field, values) -> typed.put(field, values.isEmpty() ? "" : values.get(0)));
        Long version = version(typed.get("version"));
        String move = typed.get("move");
        try {
            desk.save(front, typed, move, version, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/fronts/" + name + "?done=" + (move == null ? "saved" : "moved"))).build();
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.front(desk.withErrors(user(), front, typed, e.errors(), version, null))).build();
        } catch (FrontService.Conflict e) {
            String problem = e.lastEditor() + " saved this front after you opened it, so your arrangement was not saved."
                    + " It is kept below, and \"Now\" shows what readers see; if you save again, yours replaces theirs.";
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.front(desk.withErrors(user(), front, typed, new FieldErrors(), e.currentVersion(), problem)))
                    .build();
        } catch (RuntimeException e) {
            if (!WriteAttempts.databaseFailed(e)) {
                throw e;
            }
            // The form's lists of stories come from the database too: the arrangement comes back as typed, to send again.
            LOG.error("A front's save failed in the database", e);
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .entity(Templates.unsaved(desk.unsaved(user(), front, typed))).build();
        }
    }

    private FrontDefinition front(String name) {
        return desk.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(NotFoundException::new);
    }

    private static Long version(String typed) {
        return typed != null && typed.matches("[0-9]{1,18}") ? Long.valueOf(typed) : null;
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
