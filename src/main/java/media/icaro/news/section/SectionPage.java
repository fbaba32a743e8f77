package media.icaro.news.section;

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

@Path("/{section: [a-z0-9-]+}")
public class SectionPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(SectionView section, Listing listing);
    }

    private final SectionService sections;
    private final ArticleService articles;

    SectionPage(SectionService sections, ArticleService articles) {
        this.sections = sections;
        this.articles = articles;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@PathParam("section") String slug, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        SectionView section = sections.findBySlug(slug).orElseThrow(NotFoundException::new);
        Listing listing = articles.listing(ListingScope.section(section.id()), before, after);
        return Templates.section(section, listing);
    }
}
