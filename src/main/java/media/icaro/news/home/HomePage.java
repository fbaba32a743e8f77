package media.icaro.news.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.web.CachedPage;

@CachedPage
@Path("/")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(FrontPage front);
    }

    private final FrontPageService frontPages;

    HomePage(FrontPageService frontPages) {
        this.frontPages = frontPages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return Templates.home(frontPages.build());
    }
}
