package media.icaro.news.site;

import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Site settings; every one can be overridden by an environment variable (SITE_TIME_ZONE, ...). */
@ConfigMapping(prefix = "site")
public interface SiteConfig {

    @WithDefault("ICARO Media Group")
    String name();

    @WithDefault("en")
    String language();

    /** Absolute base for canonical links and feeds, without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    @WithDefault("Europe/Rome")
    ZoneId timeZone();

    @WithDefault("dd/MM/yyyy HH'h'mm")
    String datePattern();

    String defaultDisclaimer();

    /**
     * What link previews and structured data show for a story without a feature image: an absolute URL
     * or a path on this site, at least 1200 × 630 pixels; unset, the site's own picture of its name.
     */
    Optional<String> socialImage();

    /** The size of {@link #socialImage()}, which link previews are told. */
    @WithDefault("1200")
    int socialImageWidth();

    @WithDefault("630")
    int socialImageHeight();

    /** Whether first start adds the demo articles beside the seed story. */
    @WithDefault("true")
    boolean demoContent();
}
