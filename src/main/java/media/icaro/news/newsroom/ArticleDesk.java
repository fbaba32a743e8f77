package media.icaro.news.newsroom;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

/** The newsroom's article pages: the list, the form to create and edit, corrections, history, preview. */
@Path("/admin/articles")
@RolesAllowed(Roles.CONTRIBUTOR)
@Produces(ArticleDesk.HTML)
public class ArticleDesk {

    static final String HTML = "text/html;charset=UTF-8";

    private static final Logger LOG = Logger.getLogger(ArticleDesk.class);

    /**
     * Notices shown after a successful post/redirect/get, by the code in the redirect; {time} is the time
     * the article or its update goes live (ArticleDeskService.notice).
     */
    static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("saved", "Saved."),
            Map.entry("kept", "Saved as a working copy: readers still see the live version. Preview it, then update live."),
            Map.entry("published", "Published: the article is live."),
            Map.entry("scheduled", "Scheduled: it will be published at {time}."),
            Map.entry("update-scheduled", "Update scheduled: it goes live at {time}; until then readers see the live version."),
            Map.entry("unpublished", "Unpublished: readers no longer see it."),
            Map.entry("discarded", "Working copy discarded: the form shows the live version again."),
            Map.entry("corrected", "Correction added; the article now shows it and reads \"Updated\"."),
            Map.entry("restored", "Revision restored, as a new revision."),
            Map.entry("restored-copy", "Revision restored into the working copy: readers see the live version until you update live."),
            Map.entry("excluded", "That story no longer shows in this article's Related block."),
            Map.entry("included", "That story may show in this article's Related block again."),
            Map.entry("autosave-discarded", "Your unsaved changes were discarded: the form shows the article as saved."));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ArticleListService.DeskList page);

        static native TemplateInstance bulk(ArticleListService.BulkReview review);

        static native TemplateInstance form(ArticleDeskService.FormPage page);

        static native TemplateInstance confirm(NewsroomUser user, ArticleDeskService.Confirmation confirmation);
    }

    private final ArticleDeskService desk;
    private final EditorialService editorial;
    private final SecurityIdentity identity;
    private final RelatedExclusions exclusions;
    private final RevisionDeskService revisions;
    private final ArticleListService lists;
    private final ArticleAutosaves autosaves;
    private final BodyRenderer bodyRenderer;
    private final CsrfTokenParameterProvider csrf;

    ArticleDesk(ArticleDeskService desk, EditorialService editorial, SecurityIdentity identity, RelatedExclusions exclusions,
            ArticleListService lists, RevisionDeskService revisions, ArticleAutosaves autosaves, BodyRenderer bodyRenderer,
            CsrfTokenParameterProvider csrf) {
        this.revisions = revisions;
        this.desk = desk;
        this.lists = lists;
        this.csrf = csrf;
        this.autosaves = autosaves;
        this.bodyRenderer = bodyRenderer;
        this.exclusions = exclusions;
        this.editorial = editorial;
        this.identity = identity;
    }

    /** The list: filters, search, a sort and keyset pages ({@code after} or {@code before} a row); the notice of a bulk action. */
    @GET
    public TemplateInstance list(@RestQuery String q, @RestQuery String status, @RestQuery String section,
            @RestQuery String author, @RestQuery String sort, @RestQuery String after, @RestQuery String before,
            @RestQuery String done, @RestQuery String count, @RestQuery String to) {
        return Templates.list(lists.list(q, status, section, author, sort, after, before, user(),
                lists.bulkNotice(done, count, to)));
    }

    /** A bulk action's review: the chosen articles and what will happen to each, with a button to confirm it. */
    @POST
    @Path("bulk")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewBulk(@RestForm("id") List<String> ids, @RestForm String action, @RestForm String section) {
        return bulk(() -> Response.ok(Templates.bulk(lists.review(ids, action, section, user()))).build());
    }

    /** Carries out a reviewed bulk action, all or nothing, and goes back to the list with a notice. */
    @POST
    @Path("bulk/confirm")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmBulk(@RestForm("id") List<String> ids, @RestForm String action, @RestForm String section) {
        return bulk(() -> Response.seeOther(URI.create("/admin/articles?done="
                + lists.apply(ids, action, section, Editor.of(identity)))).build());
    }

    /** A bulk action's step, or the page saying why it cannot go ahead (nothing changed). */
    private Response bulk(Supplier<Response> step) {
        try {
            return step.get();
        } catch (ArticleListService.Refused e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.bulk(lists.refused(e.getMessage(), user())))
                    .build();
        }
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
            return afterSave(id, form, false);
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

    /** The preview link's way back, and a redirect's: the form, with a notice if the code names one. */
    private static Response redirect(long id, String done) {
        return Response.seeOther(URI.create("/admin/articles/" + id + "?done=" + done)).build();
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response update(@PathParam("id") long id, ArticleForm form) {
        try {
            return afterSave(id, form, desk.update(id, form, Editor.of(identity)));
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
                .entity(Templates.form(id == null ? desk.unsaved(form, user(), problem)
                        : desk.withErrors(id, form, new FieldErrors(), user(), problem))).build();
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
                    .entity(Templates.form(desk.withErrors(id, desk.edit(id, user(), null).form(), e.errors(), user(), null)
                            .failing("The correction was not added (the article itself is unchanged). Please fix:")))
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

    /** The page of one revision: {@code ArticleDesk/revision.html}. */
    @CheckedTemplate(defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    record Revision(RevisionDeskService.RevisionPage page) implements TemplateInstance {
    }

    /** One revision, read-only: its text marked with what changed since, and its restore button. */
    @GET
    @Path("{id: [0-9]{1,18}}/revisions/{revision: [0-9]{1,18}}")
    public TemplateInstance revision(@PathParam("id") long id, @PathParam("revision") long revision) {
        return new Revision(revisions.page(id, revision, user()));
    }

    @POST
    @Path("{id: [0-9]{1,18}}/revisions/{revision: [0-9]{1,18}}/restore")
    public Response restore(@PathParam("id") long id, @PathParam("revision") long revision) {
        boolean live = editorial.restore(id, revision, Editor.of(identity));
        return redirect(id, live ? "restored" : "restored-copy");
    }

    /** The story as readers will see it (its working copy, if it has one), under the newsroom's bar. */
    @GET
    @Path("{id: [0-9]{1,18}}/preview")
    public Response preview(@PathParam("id") long id) {
        ArticleDeskService.Preview preview = desk.preview(id, user());
        return Response.ok(ArticlePage.Templates.article(preview.view(), true, preview.bar()))
                .header("Cache-Control", "no-store").build();
    }

    /** The preview bar's button: puts live what the preview showed, unless someone saved since. */
    @POST
    @Path("{id: [0-9]{1,18}}/publish")
    @RolesAllowed(Roles.EDITOR)
    public Response publishPreviewed(@PathParam("id") long id, @RestForm String version) {
        try {
            editorial.publishAsPreviewed(id, ArticleDeskService.version(version), Editor.of(identity));
            return redirect(id, "published");
        } catch (FieldErrors.Invalid e) {
            ArticleDeskService.FormPage page = desk.edit(id, user(), null);
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(desk.withErrors(id, page.form(), e.errors(), user(), null)
                            .failing("The article was not put live. Please fix:")))
                    .build();
        } catch (EditorialService.EditConflict e) {
            return Response.status(Response.Status.CONFLICT).entity(Templates.form(desk.withErrors(id, desk.edit(id, user(), null).form(),
                    new FieldErrors(), user(), e.lastEditor() + " saved this article after the preview you saw, so nothing was put live."
                            + " This is their version: preview it again before putting it live."))).build();
        }
    }

    /** Asks before dropping a working copy: it cannot be brought back. */
    @GET
    @Path("{id: [0-9]{1,18}}/discard")
    @RolesAllowed(Roles.EDITOR)
    public TemplateInstance confirmDiscard(@PathParam("id") long id) {
        return Templates.confirm(user(), desk.confirmDiscard(id, user()));
    }

    @POST
    @Path("{id: [0-9]{1,18}}/discard")
    @RolesAllowed(Roles.EDITOR)
    public Response discard(@PathParam("id") long id) {
        editorial.discardWorkingCopy(id, Editor.of(identity));
        return redirect(id, "discarded");
    }

    /** Asks before taking a story down. */
    @GET
    @Path("{id: [0-9]{1,18}}/unpublish")
    @RolesAllowed(Roles.EDITOR)
    public TemplateInstance confirmUnpublish(@PathParam("id") long id) {
        return Templates.confirm(user(), desk.confirmUnpublish(id, user()));
    }

    @POST
    @Path("{id: [0-9]{1,18}}/unpublish")
    @RolesAllowed(Roles.EDITOR)
    public Response unpublish(@PathParam("id") long id) {
        editorial.unpublish(id, Editor.of(identity));
        return redirect(id, "unpublished");
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
                : "/admin/articles/" + key + "?done=autosave-discarded")).build();
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

    private Response afterSave(long id, ArticleForm form, boolean keptAsWorkingCopy) {
        if ("preview".equals(form.action)) {
            return Response.seeOther(URI.create("/admin/articles/" + id + "/preview")).build();
        }
        return redirect(id, ArticleDeskService.outcome(form.action, keptAsWorkingCopy));
    }

    private NewsroomUser user() {
        return NewsroomUser.of(identity);
    }
}
