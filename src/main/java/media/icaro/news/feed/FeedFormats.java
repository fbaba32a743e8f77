package media.icaro.news.feed;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import media.icaro.news.site.SiteConfig;

/** What feeds need beyond the site's own date formats: RFC 822 dates and CDATA sections. */
@TemplateExtension
public final class FeedFormats {

    private FeedFormats() {
    }

    /** "Tue, 18 Jun 2024 19:15:00 +0200": RSS dates, with the site's offset on that day. */
    static String rfc822(Instant instant) {
        SiteConfig site = Arc.container().instance(SiteConfig.class).get();
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(site.timeZone()));
    }

    /**
     * The text as one or more CDATA sections, for printing raw: a {@code ]]>} inside it is split across
     * two sections, so nothing in the text can end the section early.
     */
    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
