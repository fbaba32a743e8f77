package media.icaro.news.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import media.icaro.news.domain.WordDiff.Change;
import media.icaro.news.domain.WordDiff.Piece;
import media.icaro.news.domain.WordDiff.Precision;
import media.icaro.news.domain.WordDiff.Result;

/** The word diff of the revision page: what it marks, and that it stays bounded on any input. */
class WordDiffTest {

    @Test
    void theSameTextHasNoChanges() {
        Result same = WordDiff.of("Putin arrives in Pyongyang.\n\nThe summit starts.", "Putin arrives in Pyongyang.\n\nThe summit starts.");
        assertFalse(same.changed());
        assertEquals(Precision.WORDS, same.precision());
        assertEquals(List.of("[Putin arrives in Pyongyang.]", "[The summit starts.]"), shown(same));
    }

    @Test
    void aChangedWordIsThatWordRemovedAndAnotherAdded() {
        Result result = WordDiff.of("Putin arrives in Pyongyang for a summit.", "Putin lands in Pyongyang for a summit.");
        assertTrue(result.changed());
        assertEquals(List.of("[Putin ]-arrives-+lands+[ in Pyongyang for a summit.]"), shown(result));
    }

    @Test
    void wordsAddedAtTheStartOrTheEndAreMarkedAlone() {
        assertEquals(List.of("+Breaking: +[Putin arrives.]"), shown(WordDiff.of("Putin arrives.", "Breaking: Putin arrives.")));
        assertEquals(List.of("[Putin arrives]+ in Pyongyang+[.]"), shown(WordDiff.of("Putin arrives.", "Putin arrives in Pyongyang.")));
        assertEquals(List.of("-Breaking: -[Putin arrives.]"), shown(WordDiff.of("Breaking: Putin arrives.", "Putin arrives.")));
    }

    @Test
    void punctuationIsATokenOfItsOwn() {
        assertEquals(List.of("[Kim, Putin]-,-+;+[ and aides]-.-+!+"), shown(WordDiff.of("Kim, Putin, and aides.", "Kim, Putin; and aides!")));
    }

    @Test
    void anApostropheInsideAWordKeepsTheWordWhole() {
        assertEquals(List.of("-Don't-+Do not+[ go.]"), shown(WordDiff.of("Don't go.", "Do not go.")));
    }

    @Test
    void lettersKeepTheirAccentsAndEmojiStayWhole() {
        assertEquals(List.of("[Città di ]-Noè-+Noé+[.]"), shown(WordDiff.of("Città di Noè.", "Città di Noé.")));
        String decomposed = "Cafe\u0301 ouvert";
        assertEquals(List.of("[Cafe\u0301 ]-ouvert-+fermé+"), shown(WordDiff.of(decomposed, "Cafe\u0301 fermé")));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals(List.of("[Team ]-" + family + "-+\uD83D\uDC4D\uD83C\uDFFD+"), shown(WordDiff.of("Team " + family, "Team \uD83D\uDC4D\uD83C\uDFFD")));
        assertEquals(List.of("[Flag ]-\uD83C\uDDEB\uD83C\uDDF7-+\uD83C\uDDEB\uD83C\uDDEE+"),
                shown(WordDiff.of("Flag \uD83C\uDDEB\uD83C\uDDF7", "Flag \uD83C\uDDEB\uD83C\uDDEE")), "a flag is one token");
        assertEquals(List.of("[首脳会談が]-始ま-+終わ+[った。]"), shown(WordDiff.of("首脳会談が始まった。", "首脳会談が終わった。")),
                "Japanese has no spaces: each character is a token");
        Result mixed = WordDiff.of("Ελλάδα και Κορέα \uD83D\uDE00", "Ελλάδα ή Κορέα \uD83D\uDE01");
        for (var paragraph : mixed.paragraphs()) {
            for (Piece piece : paragraph.pieces()) {
                assertTrue(piece.text().codePoints().noneMatch(c -> Character.isSurrogate((char) c)), "no half of a pair: " + piece);
            }
        }
        assertEquals(List.of("[Ελλάδα ]-και-+ή+[ Κορέα ]-\uD83D\uDE00-+\uD83D\uDE01+"), shown(mixed));
    }

    @Test
    void emptyTextAgainstTextIsAllAddedOrAllRemoved() {
        assertEquals(List.of("+North Korea+"), shown(WordDiff.of("", "North Korea")));
        assertEquals(List.of("-North Korea-"), shown(WordDiff.of("North Korea", null)));
        Result nothing = WordDiff.of(null, "");
        assertFalse(nothing.changed());
        assertTrue(nothing.paragraphs().isEmpty());
    }

    @Test
    void paragraphsStayParagraphsAndLineBreaksStayInTheirText() {
        Result result = WordDiff.of("One.\n\nTwo.\n\n- a\n- b", "One.\n\nThree.\n\n- a\n- c");
        assertEquals(List.of("[One.]", "-Two-+Three+[.]", "[- a\n- ]-b-+c+"), shown(result));

        assertEquals(List.of("-Gone.-", "[Kept.]"), shown(WordDiff.of("Gone.\n\nKept.", "Kept.")), "a removed paragraph stands alone");
        assertEquals(List.of("[One.]-¶-", "+ +[Two.]"), shown(WordDiff.of("One.\n\nTwo.", "One. Two.")), "a join shows the removed break");
        assertEquals(List.of("[One.]- -+¶+", "[Two.]"), shown(WordDiff.of("One. Two.", "One.\n\nTwo.")), "a split shows the added break");
    }

    @Test
    void aLongBodyWithAFewChangesIsComparedWordByWord() {
        List<String> words = randomWords(10_000, 1);
        String before = body(words);
        List<String> edited = new ArrayList<>(words);
        edited.set(10, "CHANGED");
        edited.set(5_000, "ALTERED");
        edited.set(9_990, "AMENDED");
        Result result = WordDiff.of(before, body(edited));
        assertEquals(Precision.WORDS, result.precision());
        List<String> removed = texts(result, Piece::isRemoved);
        assertEquals(List.of(words.get(10), words.get(5_000), words.get(9_990)), removed);
        assertEquals(List.of("CHANGED", "ALTERED", "AMENDED"), texts(result, Piece::isAdded));
        assertKeepsBothTexts(before, body(edited), result);
    }

    @Test
    void aRewrittenLongBodyFallsBackToParagraphsThenToTheWholeText() {
        String before = body(randomWords(10_000, 2));
        String after = body(randomWords(10_000, 3));
        Result rewritten = WordDiff.of(before, after);
        assertEquals(Precision.PARAGRAPHS, rewritten.precision());
        assertKeepsBothTexts(before, after, rewritten);

        String manyParagraphs = String.join("\n\n", randomWords(3_000, 4));
        String otherParagraphs = String.join("\n\n", randomWords(3_000, 5));
        Result whole = WordDiff.of(manyParagraphs, otherParagraphs);
        assertEquals(Precision.WHOLE, whole.precision());
        assertKeepsBothTexts(manyParagraphs, otherParagraphs, whole);
    }

    @Test
    void theEditScriptIsTheShortestAndLeadsFromOneToTheOther() {
        int[] a = { 1, 2, 3, 4, 5, 6 };
        int[] b = { 1, 9, 3, 4, 6, 7 };
        byte[] script = WordDiff.script(a, b);
        assertEquals(4, IntStream.range(0, script.length).filter(i -> script[i] != 0).count(), Arrays.toString(script));
        List<Integer> kept = new ArrayList<>();
        List<Integer> made = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (byte op : script) {
            if (op == 0) {
                assertEquals(a[i], b[j]);
                kept.add(a[i++]);
                made.add(b[j++]);
            } else if (op == 1) {
                kept.add(a[i++]);
            } else {
                made.add(b[j++]);
            }
        }
        assertEquals(Arrays.stream(a).boxed().toList(), kept);
        assertEquals(Arrays.stream(b).boxed().toList(), made);
        assertEquals(0, WordDiff.script(new int[0], new int[0]).length);
    }

    /** Each paragraph as "[same]-removed-+added+". */
    private static List<String> shown(Result result) {
        return result.paragraphs().stream().map(p -> p.pieces().stream().map(piece -> switch (piece.change()) {
            case SAME -> "[" + piece.text() + "]";
            case REMOVED -> "-" + piece.text() + "-";
            case ADDED -> "+" + piece.text() + "+";
        }).collect(Collectors.joining())).toList();
    }

    private static List<String> texts(Result result, Predicate<Piece> which) {
        return result.paragraphs().stream().flatMap(p -> p.pieces().stream()).filter(which).map(Piece::text).toList();
    }

    /** What is kept and removed reads as the old text, what is kept and added as the new one. */
    private static void assertKeepsBothTexts(String before, String after, Result result) {
        assertEquals(wordsOf(before), wordsOf(String.join(" ", texts(result, p -> p.change() != Change.ADDED))));
        assertEquals(wordsOf(after), wordsOf(String.join(" ", texts(result, p -> p.change() != Change.REMOVED))));
    }

    private static List<String> wordsOf(String text) {
        return Arrays.stream(text.replace(WordDiff.PARAGRAPH_MARK, " ").split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> randomWords(int count, long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder word = new StringBuilder();
            for (int length = 2 + random.nextInt(7); length > 0; length--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        return words;
    }

    /** Words in paragraphs of fifty, as a long story's body. */
    private static String body(List<String> words) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            body.append(words.get(i)).append(i % 50 == 49 ? "\n\n" : " ");
        }
        return body.toString().strip();
    }
}
