package media.icaro.news.feed;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import media.icaro.news.site.SiteConfig;

/** What feeds need beyond the site's own date formats: RFC 822 dates, plain text as HTML, and CDATA sections. */
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
     * Plain text as HTML source. Feed readers read {@code description} as HTML, so a standfirst such as
     * {@code <img onerror=...>} must be escaped for HTML here, and then, by the template, for XML.
     */
    static String asHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /**
     * The text as one or more CDATA sections, for printing raw: a {@code ]]>} inside it is split across
     * two sections, so nothing in the text can end the section early.
     */
    static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
