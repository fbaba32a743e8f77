package media.icaro.news.author;

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

@Path("/author/{author: [a-z0-9-]+}")
public class AuthorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance author(AuthorView author, Listing listing);
    }

    private final AuthorService authors;
    private final ArticleService articles;

    AuthorPage(AuthorService authors, ArticleService articles) {
        this.authors = authors;
        this.articles = articles;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@PathParam("author") String slug, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        AuthorView author = authors.findBySlug(slug).orElseThrow(NotFoundException::new);
        Listing listing = articles.listing(ListingScope.author(author.id()), before, after);
        return Templates.author(author, listing);
    }
}
