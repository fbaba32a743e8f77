package media.icaro.news.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.article.ArticleService;
import media.icaro.news.article.StorySummary;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.front.Block;
import media.icaro.news.front.FrontDefinition;
import media.icaro.news.front.FrontService;
import media.icaro.news.front.Slot;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;
import media.icaro.news.tag.TagService;
import media.icaro.news.tag.TagView;
import media.icaro.news.web.SiteDates;

/**
 * What the newsroom's fronts page does: show each slot's setting beside what it shows now, offer the
 * latest stories to pick from, read the typed form (three fields a slot: "top-2" the picked story,
 * "top-2-address" a story's address typed instead, "top-2-fill" what fills it otherwise), move a slot
 * up or down, and hand the rest to the {@link FrontService}.
 */
@ApplicationScoped
public class FrontDeskService {

    /** How many of the latest stories each slot offers: the site's for the lead and top stories, a section's for its own. */
    static final int SITE_CHOICES = 40;
    static final int SECTION_CHOICES = 15;
    static final int TAG_CHOICES = 15;

    public record Option(String value, String label, boolean selected) {
    }

    /**
     * One slot's row. {@code story}, {@code address} and {@code fill} are the form's values (as typed when
     * the form came back); {@code state} is what is saved and shown now.
     */
    public record SlotRow(String key, String label, List<Option> stories, String address, List<Option> fills,
            FrontService.SlotState state, String note, boolean first, boolean last) {
    }

    /** @param folded shown folded (a section's block on the front page with nothing set and nothing wrong) */
    public record BlockRows(Block block, List<SlotRow> slots, boolean folded) {

        public long pinned() {
            return slots.stream().filter(row -> row.state().pinned() != null).count();
        }
    }

    public record Page(NewsroomUser user, FrontDefinition front, List<FrontDefinition> fronts, long version, String saved,
            List<BlockRows> blocks, FieldErrors errors, String notice, String problem) {
    }

    private final FrontService fronts;
    private final ArticleService articles;
    private final SectionService sections;
    private final TagService tags;

    FrontDeskService(FrontService fronts, ArticleService articles, SectionService sections, TagService tags) {
        this.fronts = fronts;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
    }

    /**
     * A front the database could not save: what was typed, slot by slot in words, and every field to send
     * again as it was. Built from memory only (the front's blocks come from the cached sections).
     */
    public record Unsaved(NewsroomUser user, FrontDefinition front, List<String> lines, Map<String, String> fields) {
    }

    public Unsaved unsaved(NewsroomUser user, FrontDefinition front, Map<String, String> typed) {
        List<String> lines = new ArrayList<>();
        for (Block block : front.blocks()) {
            for (Slot slot : block.slots()) {
                String pinned = typed.getOrDefault(slot.key(), "").strip();
                String address = typed.getOrDefault(slot.key() + "-address", "").strip();
                String fill = typed.getOrDefault(slot.key() + "-fill", "").strip();
                String story = !address.isEmpty() ? address : !pinned.isEmpty() ? "story number " + pinned : "automatic";
                lines.add(block.title() + ", " + slot.number() + ": " + story + (fill.isEmpty() ? "" : " (filled from " + fill + ")"));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>(typed);
        fields.remove("csrf-token");
        return new Unsaved(user, front, lines, fields);
    }

    public List<FrontDefinition> all() {
        return fronts.all();
    }

    /** The page as saved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(NewsroomUser user, FrontDefinition front, String notice) {
        return page(user, front, null, new FieldErrors(), notice, null, null);
    }

    /** The page with the form as typed, its messages beside the slots, and the version the editor started from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page withErrors(NewsroomUser user, FrontDefinition front, Map<String, String> typed, FieldErrors errors,
            Long version, String problem) {
        return page(user, front, typed, errors, null, version, problem);
    }

    /** Saves the typed form; with {@code move} ("top-2:up"), first swaps that slot with its neighbour. */
    public void save(FrontDefinition front, Map<String, String> typed, String move, Long version, String by) {
        Map<String, String> form = move == null ? typed : moved(front, typed, move);
        Map<Slot, FrontService.Choice> choices = new LinkedHashMap<>();
        for (Slot slot : front.slots()) {
            String address = form.getOrDefault(slot.key() + "-address", "").strip();
            choices.put(slot, new FrontService.Choice(address.isEmpty() ? form.get(slot.key()) : address,
                    form.get(slot.key() + "-fill")));
        }
        try {
            fronts.save(front, version, choices, by);
        } catch (FieldErrors.Invalid e) {
            throw new FieldErrors.Invalid(besideTypedAddresses(e.errors(), form));
        }
    }

    /** A story that matches nothing is reported beside the address field where one was typed, not the list. */
    private static FieldErrors besideTypedAddresses(FieldErrors errors, Map<String, String> form) {
        FieldErrors moved = new FieldErrors();
        errors.messages().forEach((field, message) -> {
            boolean typed = !form.getOrDefault(field + "-address", "").isBlank();
            moved.add(typed ? field + "-address" : field, message);
        });
        return moved;
    }

    /** The form with one slot's three fields swapped with those of the slot above or below it in its block. */
    static Map<String, String> moved(FrontDefinition front, Map<String, String> typed, String move) {
        String[] parts = move.split(":", 2);
        for (Block block : front.blocks()) {
            for (Slot slot : block.slots()) {
                if (parts.length == 2 && slot.key().equals(parts[0])) {
                    int other = slot.number() + ("up".equals(parts[1]) ? -1 : 1);
                    if (other < 1 || other > block.size()) {
                        return typed;
                    }
                    Map<String, String> form = new HashMap<>(typed);
                    String otherKey = new Slot(block.name(), other).key();
                    for (String suffix : List.of("", "-address", "-fill")) {
                        form.put(slot.key() + suffix, typed.getOrDefault(otherKey + suffix, ""));
                        form.put(otherKey + suffix, typed.getOrDefault(slot.key() + suffix, ""));
                    }
                    return form;
                }
            }
        }
        return typed;
    }

    private Page page(NewsroomUser user, FrontDefinition front, Map<String, String> typed, FieldErrors errors,
            String notice, Long typedVersion, String problem) {
        FrontService.State state = fronts.state(front);
        Instant now = Instant.now();
        List<StorySummary> site = articles.latestForEditors(null, SITE_CHOICES);
        Map<Long, List<StorySummary>> bySection = new HashMap<>();
        List<TagView> popularTags = tags.mostUsed(TAG_CHOICES);
        // A story picked on the form that came back is offered again, even if it is no longer among the latest.
        Map<Long, StorySummary> typedStories = typed == null ? Map.of() : articles.summaries(typed.entrySet().stream()
                .filter(e -> front.slots().stream().anyMatch(slot -> slot.key().equals(e.getKey())))
                .map(Map.Entry::getValue).filter(v -> v != null && v.matches("[0-9]{1,18}")).map(Long::valueOf).toList());
        List<BlockRows> blocks = new ArrayList<>();
        for (FrontService.BlockState block : state.blocks()) {
            SectionView section = block.block().section();
            List<StorySummary> offered = section == null ? site
                    : bySection.computeIfAbsent(section.id(), id -> articles.latestForEditors(id, SECTION_CHOICES));
            List<SlotRow> rows = new ArrayList<>();
            for (FrontService.SlotState slot : block.slots()) {
                String key = slot.slot().key();
                String story = typed != null ? typed.getOrDefault(key, "")
                        : slot.pinned() == null ? "" : String.valueOf(slot.pinned().id());
                String address = typed != null ? typed.getOrDefault(key + "-address", "") : "";
                String fill = typed != null ? typed.getOrDefault(key + "-fill", "") : slot.fill();
                rows.add(new SlotRow(key, FrontService.label(front, slot.slot()),
                        storyOptions(offered, slot.pinned(), story.matches("[0-9]{1,18}")
                                ? typedStories.get(Long.valueOf(story)) : null, story, now),
                        address, fillOptions(block.block(), popularTags, slot, fill), slot, note(slot, now),
                        slot.slot().number() == 1, slot.slot().number() == block.block().size()));
            }
            boolean untouched = rows.stream().allMatch(row -> row.state().pinned() == null && row.state().fill().isEmpty()
                    && !errors.has(row.key()) && !errors.has(row.key() + "-address") && !errors.has(row.key() + "-fill"));
            blocks.add(new BlockRows(block.block(), rows, front.section() == null && section != null && untouched && typed == null));
        }
        String saved = state.updatedAt() == null ? null
                : "Last saved by " + state.updatedBy() + ", " + SiteDates.dateline(state.updatedAt()) + ".";
        return new Page(user, front, fronts.all(), typedVersion != null ? typedVersion : state.version(), saved, blocks,
                errors, notice, problem);
    }

    /** Automatic, then the pinned story and the one picked on a returned form where the latest do not hold them. */
    private List<Option> storyOptions(List<StorySummary> offered, StorySummary pinned, StorySummary picked, String selected,
            Instant now) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Automatic", selected.isEmpty()));
        for (StorySummary extra : new StorySummary[] {pinned, picked}) {
            if (extra != null && offered.stream().noneMatch(s -> s.id() == extra.id())
                    && options.stream().noneMatch(o -> o.value().equals(String.valueOf(extra.id())))) {
                options.add(option(extra, selected, now));
            }
        }
        offered.forEach(story -> options.add(option(story, selected, now)));
        return options;
    }

    private Option option(StorySummary story, String selected, Instant now) {
        String when = story.publishedAt() == null ? "undated"
                : (story.isLive(now) ? "" : "scheduled, ") + SiteDates.dateline(story.publishedAt());
        String status = story.isLive(now) || story.isScheduled() ? "" : story.status().name().toLowerCase(Locale.ROOT) + ", ";
        return new Option(String.valueOf(story.id()), story.headline() + " (" + status + story.sectionName() + ", " + when + ")",
                selected.equals(String.valueOf(story.id())));
    }

    private List<Option> fillOptions(Block block, List<TagView> popularTags, FrontService.SlotState slot, String selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", block.section() == null ? "the newest story" : "the newest in " + block.section().name(),
                selected.isEmpty()));
        for (SectionView section : sections.navigation()) {
            if (block.section() == null || block.section().id() != section.id()) {
                String value = "section:" + section.slug();
                options.add(new Option(value, "the newest in " + section.name(), selected.equals(value)));
            }
        }
        boolean setTagOffered = false;
        for (TagView tag : popularTags) {
            String value = "tag:" + tag.slug();
            setTagOffered |= value.equals(slot.fill());
            options.add(new Option(value, "the newest tagged " + tag.name(), selected.equals(value)));
        }
        if (slot.fill().startsWith("tag:") && !setTagOffered) {
            options.add(new Option(slot.fill(), "the newest tagged " + slot.fillLabel(), selected.equals(slot.fill())));
        }
        return options;
    }

    /** Why a slot shows what it shows, where the setting alone does not say. */
    private String note(FrontService.SlotState slot, Instant now) {
        StorySummary pinned = slot.pinned();
        if (pinned == null || slot.showsPinned()) {
            return null;
        }
        if (pinned.isScheduled() && pinned.publishedAt() != null) {
            return "The pinned story is scheduled for " + SiteDates.dateline(pinned.publishedAt())
                    + ": until then the slot is filled automatically.";
        }
        return "The pinned story is not live (" + pinned.status().name().toLowerCase(Locale.ROOT)
                + "): the slot is filled automatically until it is published.";
    }
}
