package media.icaro.news.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Text helpers for templates. */
@TemplateExtension
public final class TextExtensions {

    private TextExtensions() {
    }

    /** For a value placed in a URL's query string. */
    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
