package media.icaro.news.newsroom.api;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an API body over 5 MB from its Content-Length, before anything reads it. An article's
 * Markdown fits in far less; the site-wide limit (web.BodyLimits, 16 MB) stays the last guard, and
 * answers a body over it with a bare 413 before this filter runs. The site import takes whole
 * archives and has its own limit (transfer.TransferApi, named here by its address: it depends on
 * this package, not the reverse).
 */
public class ApiBodyLimit {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String SITE_IMPORT = "/api/v1/import";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (request.getLength() > MAX_BYTES && ApiErrors.isApiPath(path) && !path.equals(SITE_IMPORT)) {
            return Optional.of(ApiErrors.answer(413, null, "Keep the body within 5 MB").build());
        }
        return Optional.empty();
    }
}
