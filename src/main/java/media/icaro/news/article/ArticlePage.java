package media.icaro.news.article;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.web.CachedPage;

@CachedPage
@Path("/{section: [a-z0-9-]+}/{yyyy: [0-9]{4}}/{mm: [0-9]{2}}/{dd: [0-9]{2}}/{slug: [a-z0-9-]+}")
public class ArticlePage {

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance article(ArticleView article, boolean preview, PreviewBar bar);
    }

    private final ArticleService articles;

    ArticlePage(ArticleService articles) {
        this.articles = articles;
    }

    /** The article; a known slug under a wrong section or date answers 301 to its one address. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@PathParam("section") String section, @PathParam("yyyy") String year,
            @PathParam("mm") String month, @PathParam("dd") String day, @PathParam("slug") String slug) {
        String requested = "/" + section + "/" + year + "/" + month + "/" + day + "/" + slug;
        ArticleService.AtAddress found = articles.findLive(slug, requested).orElse(null);
        if (found == null) {
            String movedTo = articles.movedFrom(requested).orElseThrow(NotFoundException::new);
            throw new RedirectionException(Response.Status.MOVED_PERMANENTLY, URI.create(movedTo));
        }
        if (found.page() == null) {
            throw new RedirectionException(Response.Status.MOVED_PERMANENTLY, URI.create(found.livesAt()));
        }
        return Templates.article(found.page(), false, null);
    }
}
