package media.icaro.news.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import media.icaro.news.site.SiteConfig;

/** Dates as readers see them: in the site's time zone and pattern, and as ISO-8601 for {@code <time datetime>}. */
@TemplateExtension
public final class SiteDates {

    private SiteDates() {
    }

    /** "18/06/2024 19h15" with the default settings. */
    public static String dateline(Instant instant) {
        SiteConfig site = site();
        return DateTimeFormatter.ofPattern(site.datePattern()).withZone(site.timeZone()).format(instant);
    }

    /**
     * "2024-06-18T19:15:00+02:00": the instant in whole seconds (an account's creation time, say, has
     * microseconds that nobody reads) with the site's offset on that day.
     */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(site().timeZone()));
    }

    private static SiteConfig site() {
        return Arc.container().instance(SiteConfig.class).get();
    }
}
