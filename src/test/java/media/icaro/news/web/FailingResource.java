package media.icaro.news.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only page that fails, to see what a reader gets from an unexpected error. */
@Path("/test-failure")
public class FailingResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String fail() {
        throw new IllegalStateException("secret-internal-detail");
    }
}
