package media.icaro.news.search;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.article.ArticleService;
import media.icaro.news.media.Picture;
import media.icaro.news.web.CachedPage;

/** Full-text search: a plain GET form, so results can be bookmarked, shared and read without JavaScript. */
@CachedPage
@Path("/search")
public class SearchPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchResults results, boolean warmingUp, Map<Long, Picture> thumbnails);
    }

    private final SearchIndex index;
    private final ArticleService articles;

    SearchPage(SearchIndex index, ArticleService articles) {
        this.index = index;
        this.articles = articles;
    }

    /** The results' pictures, read with what listings show of them: one query for the page, none without results. */
    private Map<Long, Picture> thumbnails(SearchResults results) {
        Map<Long, Picture> thumbnails = new HashMap<>();
        articles.liveCards(results.hits().stream().map(SearchResults.Hit::id).toList()).forEach((id, card) -> {
            if (card.thumbnail() != null) {
                thumbnails.put(id, card.thumbnail());
            }
        });
        return thumbnails;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@RestQuery String q, @RestQuery String page) {
        int number = page != null && page.matches("[0-9]{1,4}") ? Integer.parseInt(page) : 1;
        boolean warmingUp = !index.isReady();
        SearchResults results = index.search(q, number);
        Response.ResponseBuilder answer = Response.ok(Templates.search(results, warmingUp, thumbnails(results)));
        // Results are incomplete while the index catches up: not worth keeping, here or in a CDN.
        return warmingUp ? answer.header("Cache-Control", "no-store").build() : answer.build();
    }
}
