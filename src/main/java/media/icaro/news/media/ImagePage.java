package media.icaro.news.media;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

@Path("/media/{id: [0-9]{1,18}}")
public class ImagePage {

    private final ImageService images;

    ImagePage(ImageService images) {
        this.images = images;
    }

    /** Images never change (a new upload is a new id), so they are cached for a year. */
    @GET
    public Response get(@PathParam("id") long id) {
        ImageService.StoredImage image = images.load(id).orElseThrow(NotFoundException::new);
        return Response.ok(image.data(), image.contentType())
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"img-" + image.id() + "\"")
                .build();
    }
}
