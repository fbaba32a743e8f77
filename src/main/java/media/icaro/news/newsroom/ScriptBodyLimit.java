package media.icaro.news.newsroom;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The article form's script sends the form's text to be autosaved or previewed: at most
 * {@link ArticleAutosaves#MAX_REQUEST_BYTES}, the form's text at its largest. A longer body is refused
 * before it is read (as web.BodyLimits does for every address), with the JSON the script shows.
 */
@ApplicationScoped
class ScriptBodyLimit {

    private static final Pattern SCRIPT_POSTS = Pattern.compile("/admin/articles/(render|(" + ArticleAutosaves.KEY + ")/autosave)");
    /** Before web.BodyLimits and Quarkus's own checks of a body's length. */
    private static final int ORDER = -4;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST || !SCRIPT_POSTS.matcher(ctx.normalizedPath()).matches()
                || length(ctx) <= ArticleAutosaves.MAX_REQUEST_BYTES) {
            ctx.next();
            return;
        }
        String message = ctx.normalizedPath().endsWith("/render") ? ArticleAutosaves.TOO_LARGE_TO_PREVIEW : ArticleAutosaves.TOO_LARGE;
        JsonObject error = new JsonObject().putNull("field").put("message", message);
        ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(new JsonObject().put("errors", new JsonArray(List.of(error))).encode());
    }

    private static long length(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
