package media.icaro.news.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a text, word by word, laid out in paragraphs for people to
 * read. Tokens are words, runs of white space and single punctuation marks, so a changed word shows
 * as that word removed and another added, not its whole sentence. A run of white space holding a
 * blank line separates paragraphs, as in Markdown.
 * <p>
 * It finds the fewest changes with Myers' O(ND) algorithm, after setting aside what the two texts
 * share at their start and end: a long body with a few edits costs little. The work is bounded: past
 * {@value #MAX_EDITS} changed tokens, or {@value #MAX_STEPS} steps, it compares whole paragraphs
 * instead, and past the same bound for paragraphs it shows the old text removed and the new added. So
 * a completely rewritten body of 200,000 characters costs a few milliseconds and about two megabytes,
 * never a quadratic table.
 * <p>
 * The result is plain text in pieces; the page escapes it like any other text.
 */
public final class WordDiff {

    /** Changed tokens beyond which a finer comparison gives way to a coarser one. */
    static final int MAX_EDITS = 1_000;
    /** Steps (diagonals tried and tokens compared) beyond which it does the same. */
    static final long MAX_STEPS = 5_000_000;
    /** Shown at the end of a removed or added paragraph break that joins or splits kept text. */
    public static final String PARAGRAPH_MARK = "¶";

    public enum Change {
        SAME, REMOVED, ADDED
    }

    /** How finely the changes could be marked. */
    public enum Precision {
        WORDS, PARAGRAPHS, WHOLE
    }

    /** A stretch of text that the change left as it was, removed or added. */
    public record Piece(Change change, String text) {

        public boolean isRemoved() {
            return change == Change.REMOVED;
        }

        public boolean isAdded() {
            return change == Change.ADDED;
        }
    }

    public record Paragraph(List<Piece> pieces) {
    }

    /** The changes, paragraph by paragraph; {@code changed} is false when the texts are the same. */
    public record Result(Precision precision, List<Paragraph> paragraphs, boolean changed) {
    }

    private static final byte SAME = 0;
    private static final byte REMOVED = 1;
    private static final byte ADDED = 2;

    private WordDiff() {
    }

    /** The changes from {@code before} to {@code after}; null reads as empty. */
    public static Result of(String before, String after) {
        List<String> oldWords = words(before == null ? "" : before);
        List<String> newWords = words(after == null ? "" : after);
        Result byWords = compare(oldWords, newWords, Precision.WORDS);
        if (byWords != null) {
            return byWords;
        }
        List<String> oldParagraphs = paragraphs(oldWords);
        List<String> newParagraphs = paragraphs(newWords);
        Result byParagraphs = compare(oldParagraphs, newParagraphs, Precision.PARAGRAPHS);
        if (byParagraphs != null) {
            return byParagraphs;
        }
        Layout layout = new Layout();
        oldParagraphs.forEach(p -> layout.add(Change.REMOVED, p));
        layout.endParagraph();
        newParagraphs.forEach(p -> layout.add(Change.ADDED, p));
        return layout.result(Precision.WHOLE);
    }

    /** Null when the comparison needs more than the bound allows. */
    private static Result compare(List<String> before, List<String> after, Precision precision) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = before.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
        int[] b = after.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
        byte[] script = script(a, b);
        if (script == null) {
            return null;
        }
        // Between two kept tokens, all that was removed reads first, then all that was added.
        Layout layout = new Layout();
        int i = 0;
        int j = 0;
        int removedFrom = 0;
        int addedFrom = 0;
        for (byte op : script) {
            if (op == SAME) {
                before.subList(removedFrom, i).forEach(t -> layout.add(Change.REMOVED, t));
                after.subList(addedFrom, j).forEach(t -> layout.add(Change.ADDED, t));
                layout.add(Change.SAME, after.get(j));
                removedFrom = ++i;
                addedFrom = ++j;
            } else if (op == REMOVED) {
                i++;
            } else {
                j++;
            }
        }
        before.subList(removedFrom, i).forEach(t -> layout.add(Change.REMOVED, t));
        after.subList(addedFrom, j).forEach(t -> layout.add(Change.ADDED, t));
        return layout.result(precision);
    }

    /** The shortest edit script from a to b, one op per token, or null past the bound. */
    static byte[] script(int[] a, int[] b) {
        int n = a.length;
        int m = b.length;
        int prefix = 0;
        while (prefix < n && prefix < m && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix]) {
            suffix++;
        }
        byte[] middle = myers(a, prefix, n - suffix, b, prefix, m - suffix);
        if (middle == null) {
            return null;
        }
        byte[] script = new byte[prefix + middle.length + suffix];
        System.arraycopy(middle, 0, script, prefix, middle.length);
        return script;
    }

    /**
     * Myers' greedy forward search over a[a0, a1) and b[b0, b1): round d reaches, on each diagonal k
     * (x - y), the furthest point d changes allow. It keeps each round's furthest points (d + 1 of
     * them) to walk back along the path found.
     */
    private static byte[] myers(int[] a, int a0, int a1, int[] b, int b0, int b1) {
        int n = a1 - a0;
        int m = b1 - b0;
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] furthest = new int[2 * max + 3];
        List<int[]> rounds = new ArrayList<>();
        long steps = 0;
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                boolean down = k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]);
                int x = down ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
                    x++;
                    y++;
                    steps++;
                }
                furthest[offset + k] = x;
                if (++steps > MAX_STEPS) {
                    return null;
                }
                if (x >= n && y >= m) {
                    return walkBack(rounds, d, n, m);
                }
            }
            int[] round = new int[d + 1];
            for (int k = -d; k <= d; k += 2) {
                round[(k + d) / 2] = furthest[offset + k];
            }
            rounds.add(round);
        }
        return null;
    }

    private static byte[] walkBack(List<int[]> rounds, int edits, int n, int m) {
        byte[] script = new byte[(n + m - edits) / 2 + edits];
        int at = script.length;
        int x = n;
        int y = m;
        for (int d = edits; d > 0; d--) {
            int[] previous = rounds.get(d - 1);
            int k = x - y;
            boolean down = k == -d || (k != d && previous[(k - 1 + d - 1) / 2] < previous[(k + 1 + d - 1) / 2]);
            int previousK = down ? k + 1 : k - 1;
            int previousX = previous[(previousK + d - 1) / 2];
            int snakeStart = down ? previousX : previousX + 1;
            while (x > snakeStart) {
                script[--at] = SAME;
                x--;
            }
            script[--at] = down ? ADDED : REMOVED;
            x = previousX;
            y = previousX - previousK;
        }
        while (at > 0) {
            script[--at] = SAME;
        }
        return script;
    }

    /** Words, runs of white space, and other marks one by one, never cutting a letter from its accents. */
    static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        int kind = -1;
        int previous = -1;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            int nextC = next < text.length() ? text.codePointAt(next) : -1;
            boolean continues = kind >= 0 && (kind == kindOf(c) && kind != OTHER && !isWrittenWithoutSpaces(c)
                    && !isWrittenWithoutSpaces(previous)
                    || joinsPrevious(c) || previous == 0x200D
                    || isRegionalIndicator(c) && isRegionalIndicator(previous) && (i - start) == 2
                    || kind == WORD && (c == '\'' || c == '\u2019') && nextC >= 0 && Character.isLetter(nextC));
            if (!continues) {
                if (kind >= 0) {
                    tokens.add(text.substring(start, i));
                }
                start = i;
                kind = kindOf(c);
            }
            previous = c;
            i = next;
        }
        if (kind >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    private static final int WORD = 0;
    private static final int SPACE = 1;
    private static final int OTHER = 2;

    private static int kindOf(int c) {
        if (Character.isLetterOrDigit(c) || joinsPrevious(c)) {
            return WORD;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : OTHER;
    }

    /** Accents, joiners, variation selectors and skin tones belong to what they follow. */
    private static boolean joinsPrevious(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || c == 0x200C || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF);
    }

    /** Chinese and Japanese leave no space between words: each character is a token. */
    private static boolean isWrittenWithoutSpaces(int c) {
        if (c < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isRegionalIndicator(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }

    /** White space that holds a blank line: it ends a paragraph. */
    private static boolean isBreak(String token) {
        return token.isBlank() && token.indexOf('\n') != token.lastIndexOf('\n');
    }

    /** The same text as paragraphs and the breaks between them. */
    private static List<String> paragraphs(List<String> words) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String word : words) {
            if (isBreak(word)) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                paragraphs.add(word);
            } else {
                paragraph.append(word);
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        return paragraphs;
    }

    /** Gathers tokens into paragraphs, joining neighbours of the same change. */
    private static final class Layout {
        private final List<Paragraph> paragraphs = new ArrayList<>();
        private List<Piece> pieces = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private Change change;
        private boolean keepsText;
        private boolean changed;

        void add(Change how, String token) {
            changed |= how != Change.SAME;
            if (isBreak(token)) {
                // A removed or added break between kept words joins or splits paragraphs: show it.
                if (how != Change.SAME && keepsText) {
                    append(how, PARAGRAPH_MARK);
                }
                endParagraph();
            } else {
                keepsText |= how == Change.SAME && !token.isBlank();
                append(how, token);
            }
        }

        private void append(Change how, String token) {
            if (how != change) {
                flush();
                change = how;
            }
            text.append(token);
        }

        private void flush() {
            if (!text.isEmpty()) {
                pieces.add(new Piece(change, text.toString()));
                text.setLength(0);
            }
        }

        void endParagraph() {
            flush();
            if (!pieces.isEmpty()) {
                paragraphs.add(new Paragraph(List.copyOf(pieces)));
                pieces = new ArrayList<>();
            }
            change = null;
            keepsText = false;
        }

        Result result(Precision precision) {
            endParagraph();
            return new Result(precision, List.copyOf(paragraphs), changed);
        }
    }
}
