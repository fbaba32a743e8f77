package media.icaro.news.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What cleaning keeps of pasted text, for one-line and multi-line fields. */
class CleanTextTest {

    @Test
    void oneLineFieldsTurnBreaksIntoSpacesAndDropWhatIsInvisible() {
        assertEquals("North Korea", CleanText.singleLine("North\u000BKorea"));
        assertEquals("a b c d e", CleanText.singleLine("a\tb\r\nc\u2028d\u0085e"));
        assertEquals("NULtag", CleanText.singleLine("NUL\u0000tag\u0007\u007F\u009B"));
        assertEquals("exe.gpj", CleanText.singleLine("\u202Eexe.gpj\u202C\u2066\u2069\u200B\uFEFF\u200E"));
        assertEquals("\uD83D\uDC69\u200D\uD83D\uDCBB and \u0646\u200C\u0627", CleanText.singleLine("\uD83D\uDC69\u200D\uD83D\uDCBB and \u0646\u200C\u0627"),
                "joiners stay, and pairs of surrogates");
        assertEquals("ab", CleanText.singleLine("a\uD800b\uDC00\uFFFE\uFFFF"), "unpaired surrogates and noncharacters go");
        assertNull(CleanText.singleLine(null));
    }

    @Test
    void multiLineFieldsKeepBreaksAndTabs() {
        assertEquals("one\ntwo\nthree\n\tfour\nfive", CleanText.multiLine("one\r\ntwo\u000Bthree\r\tfour\u2029five\u0000"));
        assertEquals("\u200Fright to left\u200F", CleanText.multiLine("\u200Fright to left\u200F"));
    }
}
