package media.icaro.news.newsroom;

import java.net.URI;
import java.util.List;
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
import media.icaro.news.sitepage.SitePageService;
import media.icaro.news.sitepage.SitePageView;

/** The newsroom's pages: the site's own pages (About, Contact, Privacy...), listed, written and deleted by editors. */
@Path("/admin/pages")
@RolesAllowed(Roles.EDITOR)
@Produces(ArticleDesk.HTML)
public class PageDesk {

    static final Map<String, String> NOTICES = Map.of(
            "created", "Page created.",
            "saved", "Page saved: readers see it now.",
            "deleted", "Page deleted: its address answers 404 and the footer no longer links to it.");

    /**
     * @param page the page being edited; null for a new one
     * @param problem a message about the whole form (someone else saved it meanwhile)
     */
    public record FormPage(NewsroomUser user, SitePageView page, PageForm form, FieldErrors errors, String notice,
            String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(NewsroomUser user, List<SitePageView> pages, String notice);

        static native TemplateInstance form(FormPage page);
    }

    private final SitePageService pages;
    private final SecurityIdentity identity;

    PageDesk(SitePageService pages, SecurityIdentity identity) {
        this.pages = pages;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return Templates.list(user(), pages.all(), done == null ? null : NOTICES.get(done));
    }

    @GET
    @Path("new")
    public TemplateInstance blank() {
        PageForm form = new PageForm();
        form.published = "on";
        return Templates.form(new FormPage(user(), null, form, new FieldErrors(), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(PageForm form) {
        try {
            SitePageView saved = pages.save(null, null, form.input(), identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/pages/" + saved.id() + "?done=created")).build();
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(new FormPage(user(), null, form, e.errors(), null, null))).build();
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public TemplateInstance edit(@PathParam("id") long id, @RestQuery String done) {
        SitePageView page = pages.find(id);
        return Templates.form(new FormPage(user(), page, PageForm.of(page), new FieldErrors(),
                done == null ? null : NOTICES.get(done), null));
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, PageForm form) {
        SitePageView page = pages.find(id);
        form.slug = page.slug();
        try {
            pages.save(id, form.expectedVersion(), form.input(), identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/pages/" + id + "?done=saved")).build();
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(new FormPage(user(), page, form, e.errors(), null, null))).build();
        } catch (SitePageService.Conflict e) {
            form.version = String.valueOf(page.version());
            String problem = e.lastEditor() + " saved this page after you opened it, so your changes were not saved."
                    + " Your text is kept below; if you save again, your version replaces theirs.";
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.form(new FormPage(user(), page, form, new FieldErrors(), null, problem))).build();
        }
    }

    @POST
    @Path("{id: [0-9]{1,18}}/delete")
    public Response delete(@PathParam("id") long id) {
        pages.delete(id);
        return Response.seeOther(URI.create("/admin/pages?done=deleted")).build();
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
