package media.icaro.news.domain;

/**
 * Text as it may be stored and shown: what users type or paste, cleaned before it reaches the
 * database or a page. PostgreSQL refuses a NUL in text, XML (feeds, sitemaps) cannot carry most
 * control characters, and invisible direction overrides make a headline read other than it is.
 * Word processors paste a vertical tab for a line break, so breaks become a space or a newline
 * rather than disappearing.
 */
public final class CleanText {

    private CleanText() {
    }

    /**
     * For a one-line field (a headline, a name, a query): line breaks and tabs become spaces; other
     * control characters, direction overrides, invisible marks and unpaired surrogates go.
     */
    public static String singleLine(String text) {
        return clean(text, false);
    }

    /**
     * For a field of several lines (a body, a standfirst): line breaks become newlines and tabs
     * stay; other control characters, noncharacters and unpaired surrogates go. Direction marks
     * stay, as right-to-left paragraphs may need them.
     */
    public static String multiLine(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                continue;
            }
            if (c == '\t') {
                clean.append(multiLine ? '\t' : ' ');
            } else if (isLineBreak(c)) {
                clean.append(multiLine ? '\n' : ' ');
            } else if (!Character.isISOControl(c) && !Character.isSurrogate((char) c) && !isNoncharacter(c)
                    && (multiLine || !isInvisibleFormat(c))) {
                clean.appendCodePoint(c);
            }
        }
        return clean.toString();
    }

    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** U+FFFE, U+FFFF (which XML forbids) and the other code points Unicode keeps out of text. */
    private static boolean isNoncharacter(int c) {
        return (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
    }

    /**
     * Bidirectional marks, embeddings, overrides and isolates (U+202E turns "gpj.exe" around), and
     * zero-width characters that hide inside a word. Joiners (U+200C, U+200D) stay: scripts and
     * emoji need them.
     */
    private static boolean isInvisibleFormat(int c) {
        return c == 0x061C || c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }

    /** Null for nothing but white space, otherwise the text without the white space around it. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The text, cut with an ellipsis to at most {@code max} characters. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
