package media.icaro.news.tag;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.article.ArticleService;
import media.icaro.news.article.Listing;
import media.icaro.news.article.ListingScope;

@Path("/tag/{tag: [a-z0-9-]+}")
public class TagPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tag(TagView tag, Listing listing);
    }

    private final TagService tags;
    private final ArticleService articles;

    TagPage(TagService tags, ArticleService articles) {
        this.tags = tags;
        this.articles = articles;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@PathParam("tag") String slug, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        TagView tag = tags.findBySlug(slug).orElseThrow(NotFoundException::new);
        Listing listing = articles.listing(ListingScope.tag(tag.id()), before, after);
        return Templates.tag(tag, listing);
    }
}
