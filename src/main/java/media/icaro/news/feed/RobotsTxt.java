package media.icaro.news.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.web.CachedPage;

/** Crawlers may read everything but the newsroom, the API, sign-in and previews; it names both sitemaps. */
@CachedPage
@Path("/robots.txt")
public class RobotsTxt {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance robots();
    }

    @GET
    public Response get() {
        return Response.ok(Templates.robots().render()).header("Content-Type", "text/plain; charset=UTF-8").build();
    }
}
