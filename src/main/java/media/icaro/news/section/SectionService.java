package media.icaro.news.section;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * Sections are few and read on every page (the navigation), so they are held in memory and
 * reloaded after a change.
 */
@ApplicationScoped
public class SectionService {

    /** First path segments that belong to other pages, so no section may take them. */
    public static final Set<String> RESERVED_SLUGS = Set.of("admin", "api", "author", "feed", "login", "logout",
            "q", "search", "sitemap", "static", "tag", "robots", "media", "preview");

    /** Fired when sections change; the navigation is reloaded once the change has committed. */
    public record SectionsChanged() {
    }

    private final SectionRepository sections;
    private final Event<SectionsChanged> changes;
    private volatile List<SectionView> navigation;

    SectionService(SectionRepository sections, Event<SectionsChanged> changes) {
        this.sections = sections;
        this.changes = changes;
    }

    /** All sections in navigation order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SectionView> navigation() {
        List<SectionView> current = navigation;
        if (current == null) {
            current = sections.listInNavigationOrder().stream().map(SectionView::of).toList();
            navigation = current;
        }
        return current;
    }

    public Optional<SectionView> findBySlug(String slug) {
        return navigation().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The managed entity, for services that link an article to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Section> findEntityBySlug(String slug) {
        return sections.find("slug", slug).firstResultOptional();
    }

    @Transactional
    public SectionView create(String slug, String name, String description) {
        if (RESERVED_SLUGS.contains(slug)) {
            throw new IllegalArgumentException("The section slug '" + slug + "' is reserved for another page");
        }
        Section section = new Section();
        section.slug = slug;
        section.name = name;
        section.description = description;
        section.position = (int) sections.count();
        sections.persist(section);
        changes.fire(new SectionsChanged());
        return SectionView.of(section);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SectionsChanged change) {
        navigation = null;
    }
}
