package media.icaro.news.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Text helpers for templates. */
@TemplateExtension
public final class TextExtensions {

    private TextExtensions() {
    }

    /** For a value placed in a URL's query string; a space is %20, which mailto: links need too (not "+"). */
    static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
