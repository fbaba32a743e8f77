package media.icaro.news.newsroom;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import media.icaro.news.account.Roles;

@Path("/admin")
@RolesAllowed(Roles.CONTRIBUTOR)
public class NewsroomHome {

    /** The newsroom opens on the article list. */
    @GET
    public Response home() {
        return Response.seeOther(URI.create("/admin/articles")).build();
    }
}
