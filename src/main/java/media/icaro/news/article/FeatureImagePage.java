package media.icaro.news.article;

import java.time.Instant;

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
 * Feature images. Readers see the image of a live article; the image of a draft, a scheduled or an
 * unpublished article is for those in the newsroom who may open the article and for its preview
 * links, and no cache may keep it. To anyone else it does not exist.
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
        String cacheControl;
        if (articles.isImageLive(id)) {
            cacheControl = PUBLIC;
        } else if (mayPreview(id, expires, sig)) {
            cacheControl = PRIVATE;
        } else {
            throw new NotFoundException();
        }
        // The id is a strong validator: an image never changes.
        EntityTag etag = new EntityTag("img-" + id);
        Response.ResponseBuilder answer = request.evaluatePreconditions(etag);
        if (answer == null) {
            StoredImage image = images.load(id).orElseThrow(NotFoundException::new);
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
