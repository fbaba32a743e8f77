package media.icaro.news.article;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.author.AuthorService;
import media.icaro.news.author.AuthorView;
import media.icaro.news.tag.TagService;
import media.icaro.news.tag.TagView;
import media.icaro.news.web.CachedPage;

/**
 * The listings of a tag and an author: their stories newest first, paged by keyset cursors ("before"
 * and "after"). A section's page, which an editor can give a lead, is a front (home.SectionPage).
 */
@CachedPage
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ListingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tag(TagView tag, Listing listing);

        static native TemplateInstance author(AuthorView author, Listing listing);
    }

    private final ArticleService articles;
    private final TagService tags;
    private final AuthorService authors;

    ListingPages(ArticleService articles, TagService tags, AuthorService authors) {
        this.articles = articles;
        this.tags = tags;
        this.authors = authors;
    }

    @GET
    @Path("tag/{tag: [a-z0-9-]+}")
    public TemplateInstance tag(@PathParam("tag") String slug, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        TagView tag = tags.findBySlug(slug).orElseThrow(NotFoundException::new);
        return Templates.tag(tag, articles.listing(ListingScope.tag(tag.id()), before, after));
    }

    @GET
    @Path("author/{author: [a-z0-9-]+}")
    public TemplateInstance author(@PathParam("author") String slug, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        AuthorView author = authors.findBySlug(slug).orElseThrow(NotFoundException::new);
        return Templates.author(author, articles.listing(ListingScope.author(author.id()), before, after));
    }
}
