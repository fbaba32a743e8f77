package media.icaro.news.site;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Canonical links, feeds, sitemaps and the JSON API's addresses all start with {@code site.base-url}.
 * A deployment that forgets SITE_BASE_URL publishes them for {@code http://localhost:8080}, which
 * search engines and feed readers then follow: say so loudly at start, and refuse a value that is no
 * absolute web address at all.
 */
@ApplicationScoped
class BaseUrlNotice {

    private static final Logger LOG = Logger.getLogger(BaseUrlNotice.class);

    private final SiteConfig site;

    BaseUrlNotice(SiteConfig site) {
        this.site = site;
    }

    void onStart(@Observes StartupEvent event) {
        String baseUrl = site.baseUrl();
        if (!isAbsoluteWebAddress(baseUrl)) {
            throw new IllegalStateException("SITE_BASE_URL (site.base-url) must be an absolute http or https address"
                    + " without a trailing slash, such as https://news.example.com; it is '" + baseUrl + "'");
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            loopbackWarning(baseUrl).ifPresent(LOG::warn);
        }
    }

    static boolean isAbsoluteWebAddress(String baseUrl) {
        try {
            URI uri = new URI(baseUrl);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && !baseUrl.endsWith("/")
                    && uri.getQuery() == null && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static Optional<String> loopbackWarning(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (!loopback) {
            return Optional.empty();
        }
        return Optional.of("SITE_BASE_URL is " + baseUrl + ": canonical links, feeds and sitemaps point at this"
                + " machine, not at the public site. Set SITE_BASE_URL to the address readers use"
                + " (https://news.example.com) before the site is public.");
    }
}
