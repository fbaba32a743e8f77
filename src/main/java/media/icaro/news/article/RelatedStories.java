package media.icaro.news.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores which published stories are related to a given one, and says why.
 * <p>
 * Editor pins come first, in the editor's order. The rest are ranked by an explainable sum:
 * <ul>
 * <li>each shared tag adds its rarity, {@code ln(1 + N / df)}, so "Kim Jong Un" counts more than "Europe";</li>
 * <li>the same section adds {@value #SAME_SECTION};</li>
 * <li>similar text (from the search index) adds up to {@value #TEXT} times its similarity, 0 to 1;</li>
 * <li>nearness in publication time adds up to {@value #NEARNESS}, halving every {@value #HALF_LIFE_DAYS} days.</li>
 * </ul>
 * Only stories sharing a tag, the section or enough text are candidates: time alone relates
 * nothing, and a story an editor excluded for the subject never shows. The reason shown is the strongest signal: shared tags, similar text, or the section. The story
 * itself and anything not live are never returned. Instances are immutable snapshots of the
 * published corpus; {@link RelatedIndex} rebuilds them when content changes.
 */
public final class RelatedStories {

    static final double SAME_SECTION = 0.8;
    static final double TEXT = 6.0;
    /** Below this similarity, texts share little more than common words. */
    static final double MIN_TEXT_SIMILARITY = 0.05;
    static final double NEARNESS = 0.6;
    static final double HALF_LIFE_DAYS = 14;
    private static final int REASON_TAGS = 3;

    /** What the scorer knows of a story. */
    public record Story(long id, long sectionId, String sectionName, Set<Long> tagIds, Instant publishedAt) {
    }

    /**
     * A related story, the scorer's reason (for the newsroom), and what readers see beside it: "More on"
     * the rarest topic the two share, or nothing.
     */
    public record Pick(long id, double score, String reason, String label) {
    }

    private final Map<Long, Story> stories;
    private final Map<Long, String> tagNames;
    private final Map<Long, Integer> tagFrequency = new HashMap<>();
    /** By article id, the stories an editor keeps out of its Related block. */
    private final Map<Long, Set<Long>> excluded;

    public RelatedStories(Collection<Story> stories, Map<Long, String> tagNames) {
        this(stories, tagNames, Map.of());
    }

    public RelatedStories(Collection<Story> stories, Map<Long, String> tagNames, Map<Long, Set<Long>> excluded) {
        this.excluded = excluded;
        this.stories = new HashMap<>();
        for (Story story : stories) {
            this.stories.put(story.id(), story);
            for (Long tagId : story.tagIds()) {
                tagFrequency.merge(tagId, 1, Integer::sum);
            }
        }
        this.tagNames = Map.copyOf(tagNames);
    }

    public int size() {
        return stories.size();
    }

    /**
     * Up to {@code limit} related stories for {@code subject}, which need not be published itself
     * (a preview asks too).
     */
    public List<Pick> relatedTo(Story subject, List<Long> pinnedIds, int limit, Instant now) {
        return relatedTo(subject, pinnedIds, limit, now, Map.of());
    }

    /** As above, with the stories whose text is like the subject's, by id. */
    public List<Pick> relatedTo(Story subject, List<Long> pinnedIds, int limit, Instant now,
            Map<Long, TextSimilarity.TextMatch> similar) {
        List<Pick> picks = new ArrayList<>();
        Set<Long> taken = new LinkedHashSet<>();
        taken.add(subject.id());
        // An excluded story never shows, not even pinned.
        taken.addAll(excluded.getOrDefault(subject.id(), Set.of()));
        for (Long pinnedId : pinnedIds) {
            Story pinned = stories.get(pinnedId);
            if (picks.size() < limit && isLive(pinned, now) && taken.add(pinnedId)) {
                picks.add(new Pick(pinnedId, Double.POSITIVE_INFINITY, "Editors' pick", null));
            }
        }
        if (picks.size() == limit) {
            return picks;
        }
        List<Pick> scored = new ArrayList<>();
        for (Story candidate : stories.values()) {
            if (taken.contains(candidate.id()) || !isLive(candidate, now)) {
                continue;
            }
            Pick pick = score(subject, candidate, similar.get(candidate.id()));
            if (pick != null) {
                scored.add(pick);
            }
        }
        scored.sort(Comparator.comparingDouble(Pick::score).reversed()
                .thenComparing(p -> stories.get(p.id()).publishedAt(), Comparator.reverseOrder())
                .thenComparing(Pick::id, Comparator.reverseOrder()));
        for (Pick pick : scored) {
            if (picks.size() == limit) {
                break;
            }
            picks.add(pick);
        }
        return picks;
    }

    private Pick score(Story subject, Story candidate, TextSimilarity.TextMatch text) {
        List<Long> shared = new ArrayList<>();
        double tagScore = 0;
        for (Long tagId : subject.tagIds()) {
            if (candidate.tagIds().contains(tagId)) {
                shared.add(tagId);
                tagScore += rarity(tagId);
            }
        }
        boolean sameSection = subject.sectionId() == candidate.sectionId();
        double textScore = text == null || text.score() < MIN_TEXT_SIMILARITY ? 0 : TEXT * text.score();
        if (shared.isEmpty() && !sameSection && textScore == 0) {
            return null;
        }
        double score = tagScore + textScore + (sameSection ? SAME_SECTION : 0) + nearness(subject, candidate);
        List<String> tags = shared.stream()
                .sorted(Comparator.comparingDouble(this::rarity).reversed().thenComparing(tagNames::get))
                .map(tagNames::get)
                .toList();
        return new Pick(candidate.id(), score, reason(tags, tagScore, textScore == 0 ? null : text, subject, candidate),
                tags.isEmpty() ? null : "More on " + tags.get(0));
    }

    double rarity(long tagId) {
        int df = Math.max(1, tagFrequency.getOrDefault(tagId, 0));
        return Math.log(1 + (double) Math.max(stories.size(), 1) / df);
    }

    private static double nearness(Story subject, Story candidate) {
        if (subject.publishedAt() == null || candidate.publishedAt() == null) {
            return 0;
        }
        double days = Math.abs(Duration.between(subject.publishedAt(), candidate.publishedAt()).toMinutes()) / 1440.0;
        return NEARNESS * Math.pow(0.5, days / HALF_LIFE_DAYS);
    }

    /**
     * Names the way the two stories are most alike (the shared tags come rarest first): the share of
     * the subject's tags (by rarity) they have in common, or how alike their texts are; then, when the texts also share words that no
     * shared tag says, those words too ("Shared topics: North Korea, Kim Jong Un · Similar text:
     * artillery, shells").
     */
    private String reason(List<String> tags, double tagScore, TextSimilarity.TextMatch text, Story subject, Story candidate) {
        List<String> words = text == null ? List.of() : text.sharedTerms().stream()
                .filter(word -> subject.tagIds().stream().map(tagNames::get)
                        .noneMatch(tag -> tag != null && tag.toLowerCase().contains(word.toLowerCase())))
                .limit(REASON_TAGS)
                .toList();
        if (tags.isEmpty() && words.isEmpty()) {
            return "Also in " + candidate.sectionName();
        }
        double tagStrength = tagScore == 0 ? 0 : tagScore / subject.tagIds().stream().mapToDouble(this::rarity).sum();
        if (tags.isEmpty() || (text != null && text.score() > tagStrength && !words.isEmpty())) {
            return "Similar story: " + String.join(", ", words.isEmpty() ? text.sharedTerms().stream().limit(REASON_TAGS).toList() : words);
        }
        String topics = (tags.size() == 1 ? "Shared topic: " : "Shared topics: ")
                + String.join(", ", tags.subList(0, Math.min(tags.size(), words.isEmpty() ? REASON_TAGS : 2)));
        return words.isEmpty() ? topics : topics + " · Similar text: " + String.join(", ", words.subList(0, Math.min(2, words.size())));
    }

    private static boolean isLive(Story story, Instant now) {
        return story != null && story.publishedAt() != null && !story.publishedAt().isAfter(now);
    }
}
