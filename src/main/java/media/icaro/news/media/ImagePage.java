package media.icaro.news.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

@Path("/media/{id: [0-9]{1,18}}")
public class ImagePage {

    /** Images never change (a new upload is a new id), so they are cached for a year. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final ImageService images;

    ImagePage(ImageService images) {
        this.images = images;
    }

    /** A reader who holds the image already (If-None-Match) gets a 304 and no bytes. */
    @GET
    public Response get(@PathParam("id") long id, @Context Request request) {
        if (!images.exists(id)) {
            throw new NotFoundException();
        }
        // The id is a strong validator: an image never changes.
        EntityTag etag = new EntityTag("img-" + id);
        Response.ResponseBuilder answer = request.evaluatePreconditions(etag);
        if (answer == null) {
            StoredImage image = images.load(id).orElseThrow(NotFoundException::new);
            answer = Response.ok(image, image.contentType());
        }
        return answer.tag(etag).header("Cache-Control", CACHE_CONTROL).build();
    }
}
