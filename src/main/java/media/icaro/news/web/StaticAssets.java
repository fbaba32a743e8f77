package media.icaro.news.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

import media.icaro.news.domain.ContentGeneration;

/**
 * The stylesheet, icons, the default social image and the newsroom's script under content-hashed names ({@code /static/site.3f2a9c0d1e7b.css}), so that
 * browsers and CDNs may keep them for a year without asking: a changed file gets a new name, which the
 * layout links to. Held in memory with their gzip form. The plain names keep working (a day's cache)
 * for anything that links to them from outside, such as the publisher logo in structured data.
 */
@ApplicationScoped
public class StaticAssets {

    private static final List<String> HASHED = List.of("site.css", "icon.svg", "icon-32.png", "social.png", "newsroom.js");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, PageCache.Page> byUrl = new HashMap<>();

    StaticAssets() {
        ContentGeneration.Generation loaded = new ContentGeneration.Generation(0, Instant.now());
        for (String name : HASHED) {
            PageCache.Page asset = PageCache.Page.of(read(name), contentType(name), loaded);
            int dot = name.lastIndexOf('.');
            String hash = asset.etag(false).replaceAll("[^A-Za-z0-9]", "").substring(0, 12).toLowerCase();
            String url = "/static/" + name.substring(0, dot) + "." + hash + name.substring(dot);
            urls.put(name, url);
            byUrl.put(url, asset);
        }
    }

    /** The address to link to, for one of the files under {@code META-INF/resources/static/}. */
    public String url(String name) {
        String url = urls.get(name);
        if (url == null) {
            throw new IllegalArgumentException("Not a hashed static asset: " + name);
        }
        return url;
    }

    void install(@Observes Router router) {
        router.route("/static/*").order(CachedPageRoute.ORDER).handler(ctx -> {
            PageCache.Page asset = byUrl.get(ctx.normalizedPath());
            if (asset == null) {
                ctx.next();
            } else {
                RequestMetrics.name(ctx, "static");
                CachedPageRoute.send(ctx, asset, IMMUTABLE);
            }
        });
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("META-INF/resources/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing static asset " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        }
        return name.endsWith(".svg") ? "image/svg+xml" : "image/png";
    }
}
