package media.icaro.news.front;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import media.icaro.news.article.ArticleCard;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.ListingScope;
import media.icaro.news.article.StorySummary;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.ContentGeneration;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;
import media.icaro.news.tag.TagService;
import media.icaro.news.tag.TagView;

/**
 * Programmed fronts: what editors set for the slots of the front page and of each section's page, and
 * the stories that fill them. A pinned story holds its slot while it is live; otherwise (not yet live,
 * unpublished, or nothing pinned) the slot takes the newest live story of its block, or of the section
 * or tag an editor chose for it, that the page does not already show. Pinned stories are placed first,
 * so an automatic slot never repeats one. A save is a write like any other: it moves the content
 * generation, so the pages in memory here and on other instances follow at once.
 */
@ApplicationScoped
public class FrontService {

    public static final String HOME = "home";
    static final String LEAD = "lead";
    static final String TOP = "top";
    static final String SECTION_BLOCK = "section-";
    public static final int TOP_STORIES = 4;
    public static final int PER_SECTION = 4;

    /** Someone saved the front since the version this save was based on; nothing was changed. */
    public static final class Conflict extends RuntimeException {

        private final transient Front current;

        Conflict(Front current) {
            super("The front changed meanwhile");
            this.current = current;
        }

        public long currentVersion() {
            return current == null ? 0 : current.version;
        }

        public String lastEditor() {
            return current == null ? "someone" : current.updatedBy;
        }
    }

    /** What a save asks of one slot, as typed: a story reference (id, slug or address) and a fill ("section:x", "tag:y"). */
    public record Choice(String story, String fill) {
    }

    private final FrontRepository fronts;
    private final ArticleService articles;
    private final SectionService sections;
    private final TagService tags;
    private final Event<ContentChanged> changes;
    private final ContentGeneration.Derived<Map<String, Map<Slot, SlotSetting>>> settings;

    FrontService(FrontRepository fronts, ArticleService articles, SectionService sections, TagService tags,
            Event<ContentChanged> changes, ContentGeneration generations) {
        this.fronts = fronts;
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.changes = changes;
        this.settings = generations.derived(this::loadSettings);
    }

    /** The front page, then each section's page in navigation order. */
    public List<FrontDefinition> all() {
        List<FrontDefinition> all = new ArrayList<>();
        all.add(home());
        sections.navigation().forEach(section -> all.add(sectionFront(section)));
        return all;
    }

    /** "home" or a section's slug; empty for anything else. */
    public Optional<FrontDefinition> definition(String name) {
        if (HOME.equals(name)) {
            return Optional.of(home());
        }
        return sections.findBySlug(name).map(FrontService::sectionFront);
    }

    private FrontDefinition home() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(LEAD, "Lead story", 1, ListingScope.ALL, null));
        blocks.add(new Block(TOP, "Top stories", TOP_STORIES, ListingScope.ALL, null));
        for (SectionView section : sections.navigation()) {
            blocks.add(new Block(SECTION_BLOCK + section.slug(), section.name(), PER_SECTION, ListingScope.section(section.id()), section));
        }
        return new FrontDefinition(HOME, "Front page", "/", null, blocks);
    }

    private static FrontDefinition sectionFront(SectionView section) {
        return new FrontDefinition(section.slug(), section.name(), section.url(), section,
                List.of(new Block(LEAD, "Lead story", 1, ListingScope.section(section.id()), section)));
    }

    /** What editors set for a front's slots, held for the current generation; a slot not in it is automatic. */
    public Map<Slot, SlotSetting> settings(String name) {
        return settings.get().getOrDefault(name, Map.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Map<String, Map<Slot, SlotSetting>> loadSettings() {
        Map<String, Map<Slot, SlotSetting>> all = new HashMap<>();
        for (FrontSlot row : fronts.listAllSlots()) {
            all.computeIfAbsent(row.frontName, name -> new HashMap<>())
                    .put(new Slot(row.block, row.number), new SlotSetting(row.articleId, row.fillSectionId, row.fillTagId));
        }
        return all;
    }

    /**
     * The story each slot shows now, in page order; a slot that nothing can fill is left out. One query
     * for the pinned stories, one for the site's newest, two for every section's newest, one per tag.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Slot, ArticleCard> fill(FrontDefinition front) {
        Map<Slot, SlotSetting> set = settings(front.name());
        List<Slot> slots = front.slots();
        Map<Long, ArticleCard> pinned = articles.liveCards(set.values().stream()
                .map(SlotSetting::articleId).filter(id -> id != null).toList());
        Set<Long> shown = new HashSet<>(pinned.keySet());
        Map<Slot, ListingScope> scopes = new LinkedHashMap<>();
        for (Slot slot : slots) {
            SlotSetting setting = set.getOrDefault(slot, SlotSetting.AUTOMATIC);
            if (setting.articleId() == null || !pinned.containsKey(setting.articleId())) {
                scopes.put(slot, scopeOf(front, slot, setting));
            }
        }
        Candidates candidates = new Candidates(scopes.values(), shown.size());
        Map<Slot, ArticleCard> filled = new LinkedHashMap<>();
        for (Slot slot : slots) {
            ListingScope scope = scopes.get(slot);
            ArticleCard card = scope == null ? pinned.get(set.get(slot).articleId()) : candidates.next(scope, shown);
            if (card != null) {
                shown.add(card.id());
                filled.put(slot, card);
            }
        }
        return filled;
    }

    private static ListingScope scopeOf(FrontDefinition front, Slot slot, SlotSetting setting) {
        if (setting.fillSectionId() != null) {
            return ListingScope.section(setting.fillSectionId());
        }
        if (setting.fillTagId() != null) {
            return ListingScope.tag(setting.fillTagId());
        }
        return front.block(slot.block()).scope();
    }

    /**
     * The newest live stories of each scope the automatic slots draw from, read at once: enough of
     * each that, after every slot that could take one of them has, each slot still finds one.
     */
    private final class Candidates {

        private final Map<ListingScope, List<ArticleCard>> byScope = new HashMap<>();

        Candidates(java.util.Collection<ListingScope> scopes, int pinned) {
            int enough = scopes.size() + pinned;
            List<Long> sectionIds = scopes.stream().filter(s -> s.sectionId() != null).map(ListingScope::sectionId)
                    .distinct().toList();
            if (!sectionIds.isEmpty()) {
                Map<String, List<ArticleCard>> bySlug = articles.latestPerSection(sectionIds, enough);
                for (Long id : sectionIds) {
                    String slug = sections.navigation().stream().filter(s -> s.id() == id).map(SectionView::slug)
                            .findFirst().orElse(null);
                    byScope.put(ListingScope.section(id), bySlug.getOrDefault(slug, List.of()));
                }
            }
            scopes.stream().filter(s -> s.sectionId() == null).distinct()
                    .forEach(scope -> byScope.put(scope, articles.latest(scope, enough)));
        }

        ArticleCard next(ListingScope scope, Set<Long> shown) {
            return byScope.getOrDefault(scope, List.of()).stream().filter(card -> !shown.contains(card.id()))
                    .findFirst().orElse(null);
        }
    }

    /** A front as the newsroom shows it: each slot's setting beside the story it shows now. */
    public record State(FrontDefinition definition, long version, Instant updatedAt, String updatedBy,
            List<BlockState> blocks) {
    }

    public record BlockState(Block block, List<SlotState> slots) {
    }

    /**
     * @param pinned the pinned story, whatever its status; null for none
     * @param fill "section:slug", "tag:slug", or "" for the block's own stories
     * @param shows what readers see in the slot now; null for nothing
     */
    public record SlotState(Slot slot, StorySummary pinned, String fill, String fillLabel, ArticleCard shows) {

        public boolean showsPinned() {
            return pinned != null && shows != null && shows.id() == pinned.id();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public State state(FrontDefinition front) {
        Map<Slot, SlotSetting> set = settings(front.name());
        Map<Long, StorySummary> pinned = articles.summaries(set.values().stream()
                .map(SlotSetting::articleId).filter(id -> id != null).toList());
        Map<Long, TagView> fillTags = tags.byIds(set.values().stream()
                .map(SlotSetting::fillTagId).filter(id -> id != null).toList());
        Map<Slot, ArticleCard> shows = fill(front);
        List<BlockState> blocks = new ArrayList<>();
        for (Block block : front.blocks()) {
            List<SlotState> slots = new ArrayList<>();
            for (Slot slot : block.slots()) {
                SlotSetting setting = set.getOrDefault(slot, SlotSetting.AUTOMATIC);
                String fill = "";
                String label = null;
                if (setting.fillSectionId() != null) {
                    SectionView section = sections.navigation().stream().filter(s -> s.id() == setting.fillSectionId())
                            .findFirst().orElse(null);
                    fill = section == null ? "" : "section:" + section.slug();
                    label = section == null ? null : section.name();
                } else if (setting.fillTagId() != null && fillTags.containsKey(setting.fillTagId())) {
                    TagView tag = fillTags.get(setting.fillTagId());
                    fill = "tag:" + tag.slug();
                    label = tag.name();
                }
                slots.add(new SlotState(slot, setting.articleId() == null ? null : pinned.get(setting.articleId()),
                        fill, label, shows.get(slot)));
            }
            blocks.add(new BlockState(block, slots));
        }
        Optional<Front> saved = fronts.find(front.name());
        return new State(front, saved.map(f -> f.version).orElse(0L), saved.map(f -> f.updatedAt).orElse(null),
                saved.map(f -> f.updatedBy).orElse(null), blocks);
    }

    /**
     * Replaces what is set for a front's slots: slots not named become automatic. With {@code expectedVersion}
     * (0 for a front never saved), a front saved since then is refused with {@link Conflict}. Every problem
     * is reported on the slot's field ("top-2" for its story, "top-2-fill" for its fill); nothing is saved then.
     */
    @Transactional
    public void save(FrontDefinition front, Long expectedVersion, Map<Slot, Choice> choices, String by) {
        FieldErrors errors = new FieldErrors();
        Map<Slot, SlotSetting> settings = resolve(front, choices, errors);
        errors.throwIfAny();
        Instant now = Instant.now();
        Optional<Front> saved = fronts.find(front.name());
        if (saved.isEmpty()) {
            if (expectedVersion != null && expectedVersion != 0) {
                throw new Conflict(null);
            }
            Front created = new Front();
            created.name = front.name();
            created.sectionId = front.section() == null ? null : front.section().id();
            created.version = 1;
            created.updatedAt = now;
            created.updatedBy = by;
            try {
                fronts.persist(created);
                fronts.flush();
            } catch (PersistenceException e) {
                // Another first save of this front committed a moment ago.
                throw new Conflict(null);
            }
        } else {
            long based = expectedVersion != null ? expectedVersion : saved.get().version;
            if (!fronts.advance(front.name(), based, now, by)) {
                throw new Conflict(saved.get());
            }
            fronts.deleteSlots(front.name());
        }
        settings.forEach((slot, setting) -> {
            FrontSlot row = new FrontSlot();
            row.frontName = front.name();
            row.block = slot.block();
            row.number = slot.number();
            row.articleId = setting.articleId();
            row.fillSectionId = setting.fillSectionId();
            row.fillTagId = setting.fillTagId();
            fronts.persist(row);
        });
        changes.fire(ContentChanged.front());
    }

    private Map<Slot, SlotSetting> resolve(FrontDefinition front, Map<Slot, Choice> choices, FieldErrors errors) {
        Set<Slot> known = new HashSet<>(front.slots());
        Map<String, StorySummary> stories = articles.findByReference(choices.values().stream()
                .map(Choice::story).filter(FrontService::given).map(String::strip).toList());
        Map<Long, Slot> pinnedAt = new HashMap<>();
        Map<Slot, SlotSetting> resolved = new LinkedHashMap<>();
        for (Slot slot : front.slots()) {
            Choice choice = choices.get(slot);
            if (choice == null) {
                continue;
            }
            Long articleId = null;
            if (given(choice.story())) {
                StorySummary story = stories.get(choice.story().strip());
                if (story == null) {
                    errors.add(slot.key(), "No story matches '" + choice.story().strip() + "': give its address, slug or id");
                } else if (pinnedAt.containsKey(story.id())) {
                    errors.add(slot.key(), "'" + story.headline() + "' is already pinned to " + label(front, pinnedAt.get(story.id())));
                } else {
                    articleId = story.id();
                    pinnedAt.put(story.id(), slot);
                }
            }
            Long fillSection = null;
            Long fillTag = null;
            String fill = choice.fill() == null ? "" : choice.fill().strip();
            if (fill.startsWith("section:")) {
                Optional<SectionView> section = sections.findBySlug(fill.substring("section:".length()));
                if (section.isEmpty()) {
                    errors.add(slot.key() + "-fill", "There is no section '" + fill.substring("section:".length()) + "'");
                } else {
                    fillSection = section.get().id();
                }
            } else if (fill.startsWith("tag:")) {
                Optional<TagView> tag = tags.findBySlug(fill.substring("tag:".length()));
                if (tag.isEmpty()) {
                    errors.add(slot.key() + "-fill", "There is no tag '" + fill.substring("tag:".length()) + "'");
                } else {
                    fillTag = tag.get().id();
                }
            } else if (!fill.isEmpty() && !fill.equals("newest")) {
                errors.add(slot.key() + "-fill", "Fill a slot from \"section:<slug>\" or \"tag:<slug>\", or leave it empty");
            }
            SlotSetting setting = new SlotSetting(articleId, fillSection, fillTag);
            if (!setting.isAutomatic()) {
                resolved.put(slot, setting);
            }
        }
        for (Slot slot : choices.keySet()) {
            if (!known.contains(slot)) {
                errors.add(slot.key(), "The " + front.title().toLowerCase(java.util.Locale.ROOT) + " has no slot '" + slot.key()
                        + "': its blocks are " + String.join(", ", front.blocks().stream()
                                .map(b -> b.name() + " (" + b.size() + ")").toList()));
            }
        }
        return resolved;
    }

    /** "Top stories, slot 2", as messages name a slot. */
    public static String label(FrontDefinition front, Slot slot) {
        Block block = front.block(slot.block());
        return block == null ? slot.key() : block.size() == 1 ? block.title() : block.title() + ", slot " + slot.number();
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
