package media.icaro.news.newsroom;

import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;

/**
 * The article form's counts, shown as the page loads ({@code {count:words(form.body)}}); the newsroom
 * script (static/newsroom.js) counts the same way, and says the same, as the editor types.
 */
@TemplateExtension(namespace = "count")
public final class TextCounts {

    /** Search results cut headlines at about this many characters. */
    public static final int HEADLINE_CUT = 70;

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private TextCounts() {
    }

    /** Characters as a reader counts them (an emoji is one), without the spaces around. */
    static int characters(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.codePointCount(0, stripped.length());
    }

    /** Runs of text between spaces with a letter or a digit in them: Markdown's "##" or "*" is no word. */
    static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int words = 0;
        for (String token : SPACES.split(text.strip())) {
            if (LETTER_OR_DIGIT.matcher(token).find()) {
                words++;
            }
        }
        return words;
    }

    static int headlineCut() {
        return HEADLINE_CUT;
    }

    /** "42 characters", with a warning past {@value #HEADLINE_CUT}. */
    static String headline(String headline) {
        int characters = characters(headline);
        return characters + (characters == 1 ? " character" : " characters")
                + (characters > HEADLINE_CUT ? ": search results may cut a headline after about " + HEADLINE_CUT : "");
    }

    /** "312 words". */
    static String body(String body) {
        int words = words(body);
        return words + (words == 1 ? " word" : " words");
    }
}
