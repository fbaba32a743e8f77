package media.icaro.news.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import media.icaro.news.article.RelatedStories.Pick;
import media.icaro.news.article.RelatedStories.Story;

/** The scorer on a small hand-made corpus, where the right answer is plain to see. */
class RelatedStoriesTest {

    static final long POLITICS = 1;
    static final long WORLD = 2;
    static final long SCIENCE = 3;

    static final long RUSSIA = 10;
    static final long NORTH_KOREA = 11;
    static final long KIM = 12;
    static final long EUROPE = 13;
    static final long SPACE = 14;

    static final Instant NOW = Instant.parse("2024-06-20T00:00:00Z");
    static final Instant DAY0 = Instant.parse("2024-06-18T17:15:00Z");

    static final Map<Long, String> TAG_NAMES = Map.of(RUSSIA, "Russia", NORTH_KOREA, "North Korea", KIM, "Kim Jong Un",
            EUROPE, "Europe", SPACE, "Space");

    static Story story(long id, long section, Instant at, Long... tags) {
        return new Story(id, section, section == POLITICS ? "Politics" : section == WORLD ? "World" : "Science",
                Set.of(tags), at);
    }

    static Instant daysBefore(int days) {
        return DAY0.minus(days, ChronoUnit.DAYS);
    }

    final Story subject = story(1, POLITICS, DAY0, RUSSIA, NORTH_KOREA, KIM);

    final List<Story> corpus = List.of(
            subject,
            story(2, WORLD, daysBefore(3), NORTH_KOREA, KIM),          // two rare shared tags
            story(3, POLITICS, daysBefore(2), RUSSIA, EUROPE),         // one common shared tag + section
            story(4, WORLD, daysBefore(1), RUSSIA, EUROPE),            // one common shared tag
            story(5, POLITICS, daysBefore(1), EUROPE),                 // section only
            story(6, SCIENCE, daysBefore(1), SPACE),                   // nothing in common
            story(7, WORLD, daysBefore(5), EUROPE, RUSSIA),
            story(8, SCIENCE, NOW.plus(1, ChronoUnit.DAYS), RUSSIA, NORTH_KOREA, KIM), // not live yet
            story(9, WORLD, daysBefore(30), NORTH_KOREA, KIM));        // same topic, a month ago

    final RelatedStories related = new RelatedStories(corpus, TAG_NAMES);

    @Test
    void anExcludedStoryNeverShowsEvenPinnedAndReadersSeeTheRarestSharedTopic() {
        RelatedStories excluding = new RelatedStories(corpus, TAG_NAMES, Map.of(1L, Set.of(2L, 3L)));
        List<Pick> picks = excluding.relatedTo(subject, List.of(3L, 5L), 10, NOW);
        List<Long> ids = ids(picks);
        assertFalse(ids.contains(2L) || ids.contains(3L), "excluded, the best match and a pin: " + ids);
        assertEquals(5L, ids.get(0), "the other pin still comes first");
        assertTrue(ids(related.relatedTo(subject, List.of(), 10, NOW)).contains(2L), "other articles are not affected");
        Pick best = related.relatedTo(subject, List.of(), 1, NOW).get(0);
        assertEquals(2L, best.id());
        assertTrue(best.label().equals("More on Kim Jong Un") || best.label().equals("More on North Korea"), best.label());
        assertEquals(null, picks.get(0).label(), "a pin needs no label");
    }

    @Test
    void neverTheStoryItselfNorOneNotYetLive() {
        List<Long> ids = ids(related.relatedTo(subject, List.of(1L, 8L), 10, NOW));
        assertFalse(ids.contains(1L));
        assertFalse(ids.contains(8L));
    }

    @Test
    void storiesWithNothingInCommonAreNotRelated() {
        assertFalse(ids(related.relatedTo(subject, List.of(), 10, NOW)).contains(6L));
    }

    @Test
    void rareSharedTagsOutweighACommonTagAndTheSection() {
        List<Long> ids = ids(related.relatedTo(subject, List.of(), 10, NOW));
        assertEquals(2L, ids.get(0), "two rare tags in common come first: " + ids);
        assertTrue(ids.indexOf(9L) < ids.indexOf(3L), "rare topic beats a common tag even when older: " + ids);
        assertTrue(ids.indexOf(3L) < ids.indexOf(4L), "the same section breaks the tie of a shared tag: " + ids);
        assertTrue(ids.indexOf(4L) < ids.indexOf(7L), "nearer in time ranks higher on equal tags: " + ids);
        assertTrue(ids.indexOf(7L) < ids.indexOf(5L), "a shared tag counts more than the section alone: " + ids);
    }

    @Test
    void rarityFollowsDocumentFrequency() {
        assertTrue(related.rarity(KIM) > related.rarity(RUSSIA));
        assertTrue(related.rarity(SPACE) > related.rarity(KIM));
    }

    @Test
    void pinsComeFirstInTheEditorsOrderAndAreNotRepeated() {
        List<Pick> picks = related.relatedTo(subject, List.of(6L, 5L), 5, NOW);
        assertEquals(List.of(6L, 5L, 2L, 9L, 3L), ids(picks));
        assertEquals("Editors' pick", picks.get(0).reason());
        assertEquals("Editors' pick", picks.get(1).reason());
    }

    @Test
    void reasonsNameTheRarestSharedTagsOrTheSection() {
        Map<Long, String> reasons = reasons(related.relatedTo(subject, List.of(), 10, NOW));
        assertEquals("Shared topics: Kim Jong Un, North Korea", reasons.get(2L));
        assertEquals("Shared topic: Russia", reasons.get(4L));
        assertEquals("Also in Politics", reasons.get(5L));
    }

    @Test
    void limitIsRespected() {
        assertEquals(3, related.relatedTo(subject, List.of(5L), 3, NOW).size());
        assertEquals(6, related.relatedTo(subject, List.of(), 10, NOW).size(), "2, 3, 4, 5, 7 and 9 qualify");
    }

    @Test
    void aSubjectOutsideTheCorpusWorksToo() {
        Story draft = story(100, SCIENCE, DAY0, SPACE);
        List<Pick> picks = related.relatedTo(draft, List.of(), 5, NOW);
        assertEquals(List.of(6L), ids(picks));
        assertEquals("Shared topic: Space", picks.get(0).reason());
    }

    private static List<Long> ids(List<Pick> picks) {
        return picks.stream().map(Pick::id).toList();
    }

    private static Map<Long, String> reasons(List<Pick> picks) {
        return picks.stream().collect(java.util.stream.Collectors.toMap(Pick::id, Pick::reason));
    }
}
