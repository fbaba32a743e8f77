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

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;
import media.icaro.news.article.ArticlePage;
import media.icaro.news.article.BodyRenderer;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.RelatedExclusions;
import media.icaro.news.article.WriteAttempts;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.newsroom.api.ApiErrors;
import media.icaro.news.section.SectionService;

/** The newsroom's article pages: the list, the form to create and edit, corrections, history, preview. */
@Path("/admin/articles")
@RolesAllowed(Roles.CONTRIBUTOR)
@Produces(ArticleDesk.HTML)
public class ArticleDesk {

    static final String HTML = "text/html;charset=UTF-8";

    private static final Logger LOG = Logger.getLogger(ArticleDesk.class);

    /** Notices shown after a successful post/redirect/get, by the code in the redirect. */
    static final Map<String, String> NOTICES = Map.of(
            "saved", "Saved.",
            "published", "Published: the article is live.",
            "scheduled", "Scheduled: it will be published at the time set below.",
            "unpublished", "Unpublished: readers no longer see it.",
            "corrected", "Correction added; the article now shows it and reads \"Updated\".",
            "restored", "Revision restored, as a new revision.",
            "excluded", "That story no longer shows in this article's Related block.",
            "included", "That story may show in this article's Related block again.",
            "discarded", "Your unsaved changes were discarded: the form shows the article as saved.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(NewsroomUser user, List<EditorialService.DeskLine> articles,
                List<media.icaro.news.section.SectionView> sections, String status, String section, String q);

        static native TemplateInstance form(ArticleDeskService.FormPage page);
    }

    private final ArticleDeskService desk;
    private final EditorialService editorial;
    private final SectionService sections;
    private final SecurityIdentity identity;
    private final RelatedExclusions exclusions;
    private final ArticleAutosaves autosaves;
    private final BodyRenderer bodyRenderer;
    private final CsrfTokenParameterProvider csrf;

    ArticleDesk(ArticleDeskService desk, EditorialService editorial, SectionService sections,
            SecurityIdentity identity, RelatedExclusions exclusions, ArticleAutosaves autosaves, BodyRenderer bodyRenderer,
            CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
        this.desk = desk;
        this.autosaves = autosaves;
        this.bodyRenderer = bodyRenderer;
        this.exclusions = exclusions;
        this.editorial = editorial;
        this.sections = sections;
        this.identity = identity;
    }

    @GET
    public TemplateInstance list(@RestQuery String status, @RestQuery String section, @RestQuery String q) {
        return Templates.list(user(), desk.list(status, section, q, user()), sections.navigation(),
                status == null ? "" : status, section == null ? "" : section, q == null ? "" : q);
    }

    @GET
    @Path("new")
    public TemplateInstance newArticle() {
        return Templates.form(desk.blank(user()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(ArticleForm form) {
        try {
            long id = desk.create(form, Editor.of(identity));
            return afterSave(id, form);
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(desk.withErrors(null, form, e.errors(), user(), null))).build();
        } catch (RuntimeException e) {
            return unsaved(null, form, e);
        }
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public TemplateInstance edit(@PathParam("id") long id, @RestQuery String done) {
        return Templates.form(desk.edit(id, user(), done == null ? null : NOTICES.get(done)));
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response update(@PathParam("id") long id, ArticleForm form) {
        try {
            desk.update(id, form, Editor.of(identity));
            return afterSave(id, form);
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(desk.withErrors(id, form, e.errors(), user(), null))).build();
        } catch (EditorialService.EditConflict e) {
            form.version = String.valueOf(e.currentVersion());
            String problem = e.lastEditor() + " saved this article after you opened it, so your changes were not saved."
                    + " Your text is kept below. Open the article in a new tab to see theirs; if you save again,"
                    + " your version replaces it.";
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.form(desk.withErrors(id, form, new FieldErrors(), user(), problem))).build();
        } catch (RuntimeException e) {
            return unsaved(id, form, e);
        }
    }

    /** The database failed the save: nothing was written, and the editor gets their text back to save again. */
    private Response unsaved(Long id, ArticleForm form, RuntimeException failure) {
        if (!WriteAttempts.databaseFailed(failure)) {
            throw failure;
        }
        LOG.error("An article save failed in the database", failure);
        String problem = "The article was not saved: the database did not complete the save. Your text is kept below;"
                + " save again in a moment.";
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .entity(Templates.form(desk.withErrors(id, form, new FieldErrors(), user(), problem))).build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/corrections")
    @RolesAllowed(Roles.EDITOR)
    public Response correct(@PathParam("id") long id, @RestForm String note) {
        try {
            editorial.correct(id, note, Editor.of(identity));
            return redirect(id, "corrected");
        } catch (FieldErrors.Invalid e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(desk.withErrors(id, desk.edit(id, user(), null).form(), e.errors(), user(), null)))
                    .build();
        }
    }

    /** Keeps a story out of this article's Related block. */
    @POST
    @Path("{id: [0-9]{1,18}}/related/exclude")
    @RolesAllowed(Roles.EDITOR)
    public Response excludeRelated(@PathParam("id") long id, @RestForm long story) {
        exclusions.exclude(id, story, Editor.of(identity));
        return redirect(id, "excluded");
    }

    /** Lets an excluded story back into this article's Related block. */
    @POST
    @Path("{id: [0-9]{1,18}}/related/include")
    @RolesAllowed(Roles.EDITOR)
    public Response includeRelated(@PathParam("id") long id, @RestForm long story) {
        exclusions.include(id, story);
        return redirect(id, "included");
    }

    @POST
    @Path("{id: [0-9]{1,18}}/revisions/{revision: [0-9]{1,18}}/restore")
    public Response restore(@PathParam("id") long id, @PathParam("revision") long revision) {
        editorial.restore(id, revision, Editor.of(identity));
        return redirect(id, "restored");
    }

    @GET
    @Path("{id: [0-9]{1,18}}/preview")
    public Response preview(@PathParam("id") long id) {
        return Response.ok(ArticlePage.Templates.article(desk.preview(id, user()), true))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The newsroom script's autosave of the form as typed (never a save of the article): JSON with the
     * time it was kept. Checked like every post of the form: signed in, CSRF token, contributors only
     * on their own articles; at most {@link ArticleAutosaves#MAX_REQUEST_BYTES} ({@link ScriptBodyLimit}).
     */
    @POST
    @Path("{key: " + ArticleAutosaves.KEY + "}/autosave")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response autosave(@PathParam("key") String key, ArticleForm form) {
        try {
            return Response.ok(autosaves.save(key, form, user())).build();
        } catch (ArticleAutosaves.TooLarge e) {
            return jsonError(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } catch (ArticleAutosaves.SavedSince e) {
            return jsonError(Response.Status.CONFLICT, e.getMessage());
        } catch (RuntimeException e) {
            if (!WriteAttempts.databaseFailed(e)) {
                throw e;
            }
            LOG.warn("An autosave failed in the database; the script sends it again", e);
            return jsonError(Response.Status.SERVICE_UNAVAILABLE, "Not autosaved: the database did not answer. Trying again.");
        }
    }

    /**
     * Where signing in returns to when the session ended while the form was autosaving (Quarkus sends
     * the browser back to the last address it refused): the form, which shows the autosaved text.
     */
    @GET
    @Path("{key: " + ArticleAutosaves.KEY + "}/autosave")
    public Response backToForm(@PathParam("key") String key) {
        return Response.seeOther(URI.create("/admin/articles/" + key)).build();
    }

    /** "Discard": drops the user's autosave, and the form shows the article as saved. */
    @POST
    @Path("{key: " + ArticleAutosaves.KEY + "}/autosave/discard")
    public Response discardAutosave(@PathParam("key") String key) {
        autosaves.discard(key, user());
        return Response.seeOther(URI.create(ArticleAutosaves.NEW.equals(key) ? "/admin/articles/new"
                : "/admin/articles/" + key + "?done=discarded")).build();
    }

    /** The body as readers will see it, rendered and sanitised as a save does, for the form's live preview. */
    @POST
    @Path("render")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response render(@RestForm String body) {
        return Response.ok(new RenderedBody(bodyRenderer.toHtml(body == null ? "" : body))).build();
    }

    /**
     * The CSRF token for the form's script: signing in again (in another tab, after the session ended)
     * starts a new token, and the page's own no longer passes.
     */
    @GET
    @Path("form-token")
    @Produces(MediaType.APPLICATION_JSON)
    public FormToken formToken() {
        return new FormToken(csrf.getToken());
    }

    /** The CSRF token that the article form's posts carry. */
    public record FormToken(String token) {
    }

    /** The rendered body, for the live preview (JSON, sent in a Response). */
    @RegisterForReflection
    public record RenderedBody(String html) {
    }

    private static Response jsonError(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiErrors.ErrorList(List.of(new ApiErrors.FieldError(null, message)))).build();
    }

    private Response afterSave(long id, ArticleForm form) {
        if ("preview".equals(form.action)) {
            return Response.seeOther(URI.create("/admin/articles/" + id + "/preview")).build();
        }
        String done = switch (form.action) {
            case "publish" -> "published";
            case "schedule" -> "scheduled";
            case "unpublish" -> "unpublished";
            default -> "saved";
        };
        return redirect(id, done);
    }

    private static Response redirect(long id, String done) {
        return Response.seeOther(URI.create("/admin/articles/" + id + "?done=" + done)).build();
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
