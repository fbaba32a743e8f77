package media.icaro.news.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.domain.ContentGeneration;

/**
 * Renders a {@link CachedPage} to bytes once, keeps them in {@link PageCache} under the generation
 * {@link CachedPageRoute} read before the resource ran, and answers with the same bytes and headers a
 * cache hit would. Only a plain 200 is kept: not a redirect or an error, not a response that sets a
 * cookie, not one whose resource chose its own {@code Cache-Control}.
 */
@Provider
@CachedPage
public class CachedPageFilter implements ContainerResponseFilter {

    private final PageCache cache;
    private final HttpCaching caching;
    private final CurrentVertxRequest request;

    CachedPageFilter(PageCache cache, HttpCaching caching, CurrentVertxRequest request) {
        this.cache = cache;
        this.caching = caching;
        this.request = request;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        RoutingContext ctx = request.getCurrent();
        ContentGeneration.Generation generation = ctx == null ? null : ctx.get(CachedPageRoute.GENERATION);
        if (generation == null || response.getStatus() != 200 || response.getHeaders().containsKey(HttpHeaders.SET_COOKIE)
                || response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        String text;
        if (response.getEntity() instanceof TemplateInstance template) {
            text = template.render();
        } else if (response.getEntity() instanceof String string) {
            text = string;
        } else {
            return;
        }
        MediaType type = withCharset(response.getMediaType());
        PageCache.Page page = cache.store(ctx.request().uri(), text, type.toString(), generation);
        CachedPageRoute.Rendering rendering = ctx.get(CachedPageRoute.RENDERING);
        if (rendering != null) {
            rendering.page.complete(page);
        }
        boolean gzipped = page.gzipFor(requestContext.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        HttpCaching.headers(response.getHeaders()::putSingle, page, gzipped, caching.pageCacheControl());
        if (page.notModified(requestContext.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                requestContext.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE))) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        response.setEntity(page.body(gzipped), response.getEntityAnnotations(), type);
    }

    private static MediaType withCharset(MediaType type) {
        MediaType known = type == null ? MediaType.TEXT_HTML_TYPE : type;
        return known.getParameters().containsKey(MediaType.CHARSET_PARAMETER) ? known : known.withCharset("UTF-8");
    }
}
