package media.icaro.news.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;

/** How a newsroom form that came back with errors must look: each message beside its field, and a summary. */
final class FormAssertions {

    private FormAssertions() {
    }

    /** Expects a 303 to {@code target} (path and query) after a successful post, and returns the target. */
    static String seeOther(Response response, String target) {
        assertEquals(303, response.statusCode(), "a successful post redirects");
        URI location = URI.create(response.header("Location"));
        String actual = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
        assertEquals(target, actual);
        return actual;
    }

    /** A signed-out request is sent to the sign-in page rather than served. */
    static void assertSentToSignIn(Response response) {
        assertEquals(302, response.statusCode(), "sent to sign in, not served");
        assertTrue(response.header("Location").endsWith("/login"), response.header("Location"));
    }

    /** Expects a 400 page and parses it. */
    static Document rejected(Response response) {
        assertEquals(400, response.statusCode(), "a form with errors answers 400");
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        return Jsoup.parse(response.asString(), "http://localhost/");
    }

    /**
     * The field {@code fieldId} (an input, or a fieldset of radio buttons) is marked wrong, describes
     * itself by its message, which contains {@code message} and sits in the same field, and the error
     * summary links to it.
     */
    static void assertFieldError(Document page, String fieldId, String message) {
        Element input = page.getElementById(fieldId);
        assertNotNull(input, "field #" + fieldId);
        Element error = page.getElementById(fieldId + "-error");
        assertNotNull(error, "message for #" + fieldId + " in " + page.select(".field-error"));
        assertTrue(error.text().contains(message), "'" + error.text() + "' says '" + message + "'");
        Element field = input.closest(".field");
        assertNotNull(field, "#" + fieldId + " is in a .field");
        assertSame(field, error.closest(".field"), "the message sits beside #" + fieldId);
        assertTrue(field.hasClass("field--error"), "the field is marked: " + field.className());
        assertTrue(Arrays.asList(input.attr("aria-describedby").split(" ")).contains(fieldId + "-error"),
                "#" + fieldId + " is described by its message: " + input.attr("aria-describedby"));
        if (!input.tagName().equals("fieldset")) {
            assertEquals("true", input.attr("aria-invalid"), "#" + fieldId + " is aria-invalid");
        }
        assertNotNull(page.selectFirst(".error-summary a[href=#" + fieldId + "]"), "the summary links to #" + fieldId);
    }

    /** No field but these carries a message. */
    static void assertOnlyErrors(Document page, String... fieldIds) {
        assertEquals(fieldIds.length, page.select(".field-error").size(), "messages: " + page.select(".field-error"));
        for (String id : fieldIds) {
            assertNotNull(page.getElementById(id + "-error"), "message for #" + id);
        }
    }

    /** A password field never comes back filled in. */
    static void assertEmptyPassword(Document page, String fieldId) {
        Element input = page.getElementById(fieldId);
        assertEquals("password", input.attr("type"));
        assertFalse(input.hasAttr("value") && !input.attr("value").isEmpty(), "#" + fieldId + " is not sent back");
    }
}
