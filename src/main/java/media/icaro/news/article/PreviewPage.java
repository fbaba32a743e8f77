package media.icaro.news.article;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A draft shown through a signed preview link, to people without a newsroom account. */
@Path("/preview/{id: [0-9]{1,18}}")
public class PreviewPage {

    private final ArticleService articles;
    private final PreviewLinks links;

    PreviewPage(ArticleService articles, PreviewLinks links) {
        this.articles = articles;
        this.links = links;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@PathParam("id") long id, @QueryParam("expires") long expires, @QueryParam("sig") String signature) {
        if (!links.isValid(id, expires, signature, Instant.now())) {
            throw new NotFoundException();
        }
        ArticleView article = articles.preview(id, image -> links.imageQueryFor(image, expires)).orElseThrow(NotFoundException::new);
        return Response.ok(ArticlePage.Templates.article(article, true, null))
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .build();
    }
}
