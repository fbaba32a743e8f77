package media.icaro.news.newsroom.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.account.Roles;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.RelatedExclusions;

/**
 * Articles over JSON, for wire ingestion, migration and integrations; editors and admins sign in
 * with HTTP Basic. Writes go through the {@link EditorialService} like the newsroom's; nothing here
 * ever deletes content (DELETE unpublishes). The contract is in the README.
 */
@Path("/api/v1/articles")
@RolesAllowed(Roles.EDITOR)
@Produces(MediaType.APPLICATION_JSON)
public class ArticlesApi {

    private final ArticleApiService articles;
    private final EditorialService editorial;
    private final SecurityIdentity identity;
    private final RelatedExclusions exclusions;

    ArticlesApi(ArticleApiService articles, EditorialService editorial, SecurityIdentity identity, RelatedExclusions exclusions) {
        this.exclusions = exclusions;
        this.articles = articles;
        this.editorial = editorial;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ArticleRequest request) {
        ArticleJson created = articles.create(request, Editor.of(identity));
        return Response.created(URI.create("/api/v1/articles/" + created.id())).entity(created).build();
    }

    @GET
    public ArticleList list(@RestQuery String section, @RestQuery String status, @RestQuery String q,
            @RestQuery String limit, @RestQuery String cursor) {
        return articles.list(ArticleFilter.parse(section, status, q, limit, cursor));
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    public ArticleJson get(@PathParam("id") long id) {
        return articles.get(id);
    }

    @PUT
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArticleJson update(@PathParam("id") long id, ArticleRequest request) {
        return articles.update(id, request, Editor.of(identity));
    }

    /** Unpublishes: the page answers 404 again, and the article stays in the newsroom with its history. */
    @DELETE
    @Path("{id: [0-9]{1,18}}")
    public void unpublish(@PathParam("id") long id) {
        editorial.unpublish(id, Editor.of(identity));
    }

    /** A published article's working copy: the change waiting to be put live (404 when there is none). */
    @GET
    @Path("{id: [0-9]{1,18}}/working-copy")
    public ArticleJson.WorkingCopyJson workingCopy(@PathParam("id") long id) {
        return articles.workingCopy(id);
    }

    /** Drops a published article's working copy: readers keep the live version (404 when there is none). */
    @DELETE
    @Path("{id: [0-9]{1,18}}/working-copy")
    public void discardWorkingCopy(@PathParam("id") long id) {
        if (!editorial.discardWorkingCopy(id, Editor.of(identity))) {
            throw new jakarta.ws.rs.NotFoundException("This article has no working copy");
        }
    }

    /** The stories kept out of this article's Related block, whatever the scorer makes of them. */
    @GET
    @Path("{id: [0-9]{1,18}}/related/excluded")
    public ExcludedList excluded(@PathParam("id") long id) {
        editorial.creatorOf(id);
        return new ExcludedList(exclusions.of(id).stream()
                .map(story -> new ExcludedStory(story.id(), story.headline(), WireNames.of(story.status()))).toList());
    }

    /** Keeps a story out of this article's Related block (again: nothing changes); 404 for an unknown one. */
    @PUT
    @Path("{id: [0-9]{1,18}}/related/excluded/{story: [0-9]{1,18}}")
    public void exclude(@PathParam("id") long id, @PathParam("story") long story) {
        exclusions.exclude(id, story, Editor.of(identity));
    }

    /** Lets a story back into this article's Related block. */
    @DELETE
    @Path("{id: [0-9]{1,18}}/related/excluded/{story: [0-9]{1,18}}")
    public void include(@PathParam("id") long id, @PathParam("story") long story) {
        exclusions.include(id, story);
    }

    /** The answer of {@link #excluded}: each story's id, headline and status. */
    public record ExcludedList(List<ExcludedStory> excluded) {
    }

    public record ExcludedStory(long id, String headline, String status) {
    }

    /** Every failure here, sign-in and roles included, answers in the API's JSON, not as the site's HTML pages. */
    @ServerExceptionMapper
    public Response error(Throwable failure) {
        return ApiErrors.toResponse(failure);
    }
}
