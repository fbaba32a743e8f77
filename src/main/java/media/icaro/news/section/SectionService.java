package media.icaro.news.section;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.ContentGeneration;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.domain.FirstSegments;
import media.icaro.news.domain.Slugs;

/**
 * Sections are few and read on every page (the navigation), so they are held in memory for the
 * current {@link ContentGeneration}: any change, here or on another instance, reloads them.
 */
@ApplicationScoped
public class SectionService implements FirstSegments {

    /** First path segments that belong to other pages, so no section may take them. */
    public static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "author", "feed", "login", "logout",
            "q", "search", "sitemap", "static", "tag", "robots", "media", "preview", "home", "page");

    private final SectionRepository sections;
    private final Event<ContentChanged> changes;
    private final ContentGeneration.Derived<List<SectionView>> navigation;
    private final Instance<FirstSegments> firstSegments;

    SectionService(SectionRepository sections, Event<ContentChanged> changes, ContentGeneration generations,
            Instance<FirstSegments> firstSegments) {
        this.sections = sections;
        this.firstSegments = firstSegments;
        this.changes = changes;
        this.navigation = generations.derived(() -> sections.listInNavigationOrder().stream().map(SectionView::of).toList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public String holderOf(String slug) {
        return findBySlug(slug).isPresent() ? "a section" : null;
    }

    /** All sections in navigation order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SectionView> navigation() {
        return navigation.get();
    }

    public Optional<SectionView> findBySlug(String slug) {
        return navigation().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The managed entity, for services that link an article to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Section> findEntityBySlug(String slug) {
        return sections.find("slug", slug).firstResultOptional();
    }

    /** Creates a section at the end of the navigation. */
    @Transactional
    public SectionView create(String slug, String name, String description) {
        return create(slug, name, description, null);
    }

    /**
     * Creates a section; {@code position} (0 first) places it in the navigation, null puts it last.
     * Throws {@link FieldErrors.Invalid} for a bad, reserved or taken slug or a missing name.
     */
    @Transactional
    public SectionView create(String slug, String typedName, String typedDescription, Integer position) {
        String name = CleanText.singleLine(typedName);
        String description = CleanText.multiLine(typedDescription);
        FieldErrors errors = new FieldErrors();
        String cleanSlug = slug == null ? "" : slug.strip();
        if (!cleanSlug.matches(Slugs.PATTERN) || cleanSlug.length() > 80) {
            errors.add("slug", "Use lower-case letters, digits and single hyphens (at most 80)");
        } else if (RESERVED_SLUGS.contains(cleanSlug)) {
            errors.add("slug", "'" + cleanSlug + "' is reserved for another part of the site");
        } else if (sections.count("slug", cleanSlug) > 0) {
            errors.add("slug", "There is already a section '" + cleanSlug + "'");
        } else {
            for (FirstSegments others : firstSegments) {
                String holder = others.holderOf(cleanSlug);
                if (holder != null) {
                    errors.add("slug", "/" + cleanSlug + " is already the address of " + holder);
                    break;
                }
            }
        }
        checkNameAndDescription(name, description, errors);
        errors.throwIfAny();
        Section section = new Section();
        section.slug = cleanSlug;
        section.name = name.strip();
        section.description = CleanText.blankToNull(description);
        List<Section> ordered = new ArrayList<>(sections.listInNavigationOrder());
        ordered.add(clamp(position, ordered.size()), section);
        sections.persist(section);
        renumber(ordered);
        changes.fire(ContentChanged.section(section.id));
        return SectionView.of(section);
    }

    /** Renames, describes and moves a section; its slug, and so its articles' addresses, stay. */
    @Transactional
    public SectionView update(long id, String typedName, String typedDescription, Integer position) {
        Section section = sections.findByIdOptional(id).orElseThrow(NotFoundException::new);
        String name = CleanText.singleLine(typedName);
        String description = CleanText.multiLine(typedDescription);
        FieldErrors errors = new FieldErrors();
        checkNameAndDescription(name, description, errors);
        errors.throwIfAny();
        section.name = name.strip();
        section.description = CleanText.blankToNull(description);
        if (position != null) {
            List<Section> ordered = new ArrayList<>(sections.listInNavigationOrder());
            ordered.remove(section);
            ordered.add(clamp(position, ordered.size()), section);
            renumber(ordered);
        }
        changes.fire(ContentChanged.section(section.id));
        return SectionView.of(section);
    }

    /** Deletes an empty section; one that holds any article, in any status, cannot be deleted. */
    @Transactional
    public void delete(long id) {
        Section section = sections.findByIdOptional(id).orElseThrow(NotFoundException::new);
        long articles = sections.countArticles(id);
        if (articles > 0) {
            new FieldErrors().add("section", section.name + " holds " + articles
                    + (articles == 1 ? " article" : " articles") + ": move them to another section first; a section that holds articles cannot be deleted")
                    .throwIfAny();
        }
        sections.delete(section);
        renumber(sections.listInNavigationOrder());
        changes.fire(ContentChanged.section(id));
    }

    /** How many articles, in any status, each section holds, by section id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> articleCounts() {
        return sections.countArticlesBySection();
    }

    private static void checkNameAndDescription(String name, String description, FieldErrors errors) {
        if (name == null || name.isBlank()) {
            errors.add("name", "Give the section a name");
        } else if (name.strip().length() > 120) {
            errors.add("name", "Keep the name within 120 characters");
        }
        if (description != null && description.strip().length() > 500) {
            errors.add("description", "Keep the description within 500 characters");
        }
    }

    private static void renumber(List<Section> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).position = i;
        }
    }

    private static int clamp(Integer position, int size) {
        return position == null ? size : Math.max(0, Math.min(position, size));
    }
}
