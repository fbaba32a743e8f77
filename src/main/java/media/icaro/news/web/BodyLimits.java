package media.icaro.news.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.transfer.TransferApi;
import media.icaro.news.transfer.TransferDesk;
import media.icaro.news.transfer.TransferService;

/**
 * How large a request body each address takes. Quarkus's own cut-off
 * ({@code quarkus.http.limits.max-body-size}) is raised to the size of a site archive, which the two
 * import addresses take ({@code news.transfer.max-archive-size}); every other address keeps
 * {@code news.http.max-body-size} (16 MB: a camera's photo on the article form gets a message beside
 * its field, not a bare 413). A body of a known length over its address's limit is refused before
 * anything reads it: the import API in its JSON, the newsroom's import page by going back to its form
 * with a message, anything else with a bare 413 as Quarkus would. For a body sent without a length,
 * the REST layer's reading stops at the address's limit; the import counts its own bytes.
 */
@ApplicationScoped
public class BodyLimits {

    /** Where Quarkus keeps the limit for bodies without a length (VertxHttpRecorder.MAX_REQUEST_SIZE_KEY). */
    private static final String READ_LIMIT_KEY = "io.quarkus.max-request-size";
    /** Quarkus checks lengths at -2 and sets its read limit there: the lengths are checked before, the read limit replaced after. */
    private static final int BEFORE_QUARKUS = -3;
    private static final int AFTER_QUARKUS = -1;

    private final long otherLimit;
    private final long archiveLimit;
    private final String archiveTooLarge;

    BodyLimits(@ConfigProperty(name = "news.http.max-body-size", defaultValue = "16M") MemorySize otherLimit,
            TransferService transfer) {
        this.otherLimit = otherLimit.asLongValue();
        this.archiveLimit = transfer.maxArchiveBytes();
        this.archiveTooLarge = transfer.tooLargeMessage();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS).handler(this::checkLength);
        router.route().order(AFTER_QUARKUS).handler(this::limitReading);
    }

    private void checkLength(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        String path = ctx.normalizedPath();
        boolean archive = isArchiveUpload(path);
        if (length <= (archive ? archiveLimit : otherLimit)) {
            ctx.next();
        } else if (path.equals(TransferApi.IMPORT_PATH)) {
            JsonObject error = new JsonObject().putNull("field").putNull("line")
                    .put("message", archiveTooLarge);
            ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
        } else if (archive) {
            // The browser is still sending: the rest of the body is read and dropped, so that it sees the page.
            ctx.response().setStatusCode(303).putHeader("Location", TransferDesk.TOO_LARGE).end();
        } else {
            ctx.response().setStatusCode(413).putHeader("Connection", "close").end();
        }
    }

    private void limitReading(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH) == null) {
            if (isArchiveUpload(ctx.normalizedPath())) {
                ctx.remove(READ_LIMIT_KEY);
            } else {
                ctx.put(READ_LIMIT_KEY, otherLimit);
            }
        }
        ctx.next();
    }

    private static boolean isArchiveUpload(String path) {
        return path.equals(TransferApi.IMPORT_PATH) || path.equals(TransferDesk.PATH);
    }
}
