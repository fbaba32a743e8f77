package media.icaro.news.article;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;

import media.icaro.news.media.ImageService;
import media.icaro.news.media.StoredImage;

/**
 * Feature images ({@code /media/{id}}) and their smaller versions ({@code /media/{id}/{width}}). Readers
 * see the image of a live article; the image of a draft, a scheduled or an unpublished article is for
 * those in the newsroom who may open the article and for its preview links, and no cache may keep it.
 * To anyone else it does not exist.
 */
@Path("/media/{id: [0-9]{1,18}}")
public class FeatureImagePage {

    /** An image never changes (a new upload is a new id), so a public one is cached for a year. */
    static final String PUBLIC = "public, max-age=31536000, immutable";
    static final String PRIVATE = "no-store";

    private final ArticleService articles;
    private final ImageService images;
    private final PreviewLinks previewLinks;
    private final SecurityIdentity identity;

    FeatureImagePage(ArticleService articles, ImageService images, PreviewLinks previewLinks, SecurityIdentity identity) {
        this.articles = articles;
        this.images = images;
        this.previewLinks = previewLinks;
        this.identity = identity;
    }

    /** A reader who holds the image already (If-None-Match) gets a 304 and no bytes. */
    @GET
    public Response get(@PathParam("id") long id, @RestQuery Long expires, @RestQuery String sig, @Context Request request) {
        return answer(id, expires, sig, request, new EntityTag("img-" + id), () -> images.load(id));
    }

    /** A smaller version of the image (see {@code media.RenditionMaker}), under the same rules; one not made is not found. */
    @GET
    @Path("{width: [0-9]{1,5}}")
    public Response rendition(@PathParam("id") long id, @PathParam("width") int width, @RestQuery Long expires,
            @RestQuery String sig, @Context Request request) {
        return answer(id, expires, sig, request, new EntityTag("img-" + id + "-" + width), () -> images.loadRendition(id, width));
    }

    /** The id (and width) make a strong validator: an image never changes. */
    private Response answer(long id, Long expires, String sig, Request request, EntityTag etag, Supplier<Optional<StoredImage>> load) {
        String cacheControl;
        if (articles.isImageLive(id)) {
            cacheControl = PUBLIC;
        } else if (mayPreview(id, expires, sig)) {
            cacheControl = PRIVATE;
        } else {
            throw new NotFoundException();
        }
        Response.ResponseBuilder answer = request.evaluatePreconditions(etag);
        if (answer == null) {
            StoredImage image = load.get().orElseThrow(NotFoundException::new);
            answer = Response.ok(image, image.contentType());
        }
        return answer.tag(etag).header("Cache-Control", cacheControl).build();
    }

    /** Editors see any unpublished article's image, contributors those of their own articles, a preview link its own. */
    private boolean mayPreview(long id, Long expires, String sig) {
        if (expires != null && previewLinks.isValidForImage(id, expires, sig, Instant.now())) {
            return true;
        }
        if (identity.isAnonymous()) {
            return false;
        }
        Editor editor = Editor.of(identity);
        return editor.canPublish() || articles.isImageOfArticleBy(id, editor.username());
    }
}
