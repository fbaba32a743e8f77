package media.icaro.news.newsroom.api;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an API body over 5 MB from its Content-Length, before anything reads it. An article's
 * Markdown fits in far less; the site-wide limit (quarkus.http.limits.max-body-size, 6M) stays the
 * last guard, and Vert.x answers a body over it with a bare 413 before this filter runs.
 */
public class ApiBodyLimit {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES && ApiErrors.isApiPath(request.getUriInfo().getPath())) {
            return Optional.of(ApiErrors.answer(413, null, "Keep the body within 5 MB").build());
        }
        return Optional.empty();
    }
}
