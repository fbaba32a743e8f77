package media.icaro.news.web;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers that let browsers and CDNs keep a public page and ask whether it changed: the same
 * whether {@link PageCache} served it or it was just rendered. By default browsers ask every time
 * (a 304 costs nothing), so an editor who has just published never reads an old copy from their own
 * cache; a CDN may keep a page for a minute ({@code s-maxage}).
 */
@ApplicationScoped
public class HttpCaching {

    private final String cacheControl;

    HttpCaching(@ConfigProperty(name = "news.http.page-cache-control",
            defaultValue = "public, max-age=0, s-maxage=60") String cacheControl) {
        this.cacheControl = cacheControl;
    }

    String pageCacheControl() {
        return cacheControl;
    }

    static void headers(BiConsumer<String, String> header, PageCache.Page page, boolean gzipped, String cacheControl) {
        header.accept("Cache-Control", cacheControl);
        header.accept("ETag", page.etag(gzipped));
        header.accept("Last-Modified", page.lastModified());
        header.accept("Vary", "Accept-Encoding");
        if (gzipped) {
            header.accept("Content-Encoding", "gzip");
        }
    }
}
