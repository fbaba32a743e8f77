package media.icaro.news.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.domain.DatabaseFailures;
import media.icaro.news.newsroom.api.ApiErrors;

/**
 * Error pages in the site's layout; a failure is logged with its trace, which never reaches the reader.
 * Under /api, where a client expects JSON, failures that no API resource mapped itself (an unknown
 * address, a wrong method or content type) answer in the API's error format instead.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance notFound();

        public static native TemplateInstance serverError();

        public static native TemplateInstance forbidden();

        public static native TemplateInstance unavailable();
    }

    /** Once per outage minute: every reader's request fails alike while the database is away. */
    private static final AtomicLong lastOutageLog = new AtomicLong();
    private static final long OUTAGE_LOG_EVERY = TimeUnit.MINUTES.toNanos(1);

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        if (ApiErrors.isApiPath(uri.getPath())) {
            return ApiErrors.toResponse(e);
        }
        int status = e.getResponse().getStatus();
        if (status == Response.Status.NOT_FOUND.getStatusCode()) {
            return page(Response.Status.NOT_FOUND, Templates.notFound());
        }
        if (status == Response.Status.FORBIDDEN.getStatusCode()) {
            return page(Response.Status.FORBIDDEN, Templates.forbidden());
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return e.getResponse();
    }

    /** A signed-in user whose role does not allow the page (@RolesAllowed). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        if (ApiErrors.isApiPath(uri.getPath())) {
            return ApiErrors.toResponse(e);
        }
        return page(Response.Status.FORBIDDEN, Templates.forbidden());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ApiErrors.isApiPath(uri.getPath())) {
            return ApiErrors.toResponse(e);
        }
        if (DatabaseFailures.note(e)) {
            logOutage(e);
            return Response.fromResponse(page(Response.Status.SERVICE_UNAVAILABLE, Templates.unavailable()))
                    .header(HttpHeaders.RETRY_AFTER, "30").build();
        }
        LOG.error("Request failed", e);
        return page(Response.Status.INTERNAL_SERVER_ERROR, Templates.serverError());
    }

    private static void logOutage(Throwable e) {
        long now = System.nanoTime();
        long last = lastOutageLog.get();
        if ((last == 0 || now - last > OUTAGE_LOG_EVERY) && lastOutageLog.compareAndSet(last, now)) {
            LOG.warnf("Pages that are not in memory answer 503: the database does not answer (%s)", e.getMessage());
        }
    }

    private static Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
