package media.icaro.news.search;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.web.CachedPage;

/** Full-text search: a plain GET form, so results can be bookmarked, shared and read without JavaScript. */
@CachedPage
@Path("/search")
public class SearchPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchResults results, boolean warmingUp);
    }

    private final SearchIndex index;

    SearchPage(SearchIndex index) {
        this.index = index;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@RestQuery String q, @RestQuery String page) {
        int number = page != null && page.matches("[0-9]{1,4}") ? Integer.parseInt(page) : 1;
        boolean warmingUp = !index.isReady();
        Response.ResponseBuilder answer = Response.ok(Templates.search(index.search(q, number), warmingUp));
        // Results are incomplete while the index catches up: not worth keeping, here or in a CDN.
        return warmingUp ? answer.header("Cache-Control", "no-store").build() : answer.build();
    }
}
