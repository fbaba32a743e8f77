package media.icaro.news.sitepage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import media.icaro.news.article.BodyRenderer;
import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.ContentGeneration;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.domain.FirstSegments;
import media.icaro.news.domain.Slugs;
import media.icaro.news.section.SectionService;

/**
 * The site's own pages: written in Markdown in the newsroom (sanitised like article bodies), each at
 * {@code /{slug}} beside the sections, and linked from every page's footer once published. The
 * published ones are held for the current {@link ContentGeneration}, like the navigation.
 */
@ApplicationScoped
public class SitePageService implements FirstSegments {

    static final int MAX_BODY = 100_000;

    /** What the newsroom form sends; {@code position} as typed (1 first, empty for last). */
    public record Input(String slug, String title, String description, String body, String position, boolean published) {
    }

    /** Someone saved the page since the version the form was opened at; nothing was changed. */
    public static final class Conflict extends RuntimeException {

        private final String lastEditor;

        Conflict(String lastEditor) {
            super("The page changed meanwhile");
            this.lastEditor = lastEditor;
        }

        public String lastEditor() {
            return lastEditor;
        }
    }

    private final SitePageRepository pages;
    private final BodyRenderer renderer;
    private final Event<ContentChanged> changes;
    private final Instance<FirstSegments> firstSegments;
    private final ContentGeneration.Derived<List<SitePageView>> published;

    SitePageService(SitePageRepository pages, BodyRenderer renderer, Event<ContentChanged> changes,
            Instance<FirstSegments> firstSegments, ContentGeneration generations) {
        this.pages = pages;
        this.renderer = renderer;
        this.changes = changes;
        this.firstSegments = firstSegments;
        this.published = generations.derived(this::loadPublished);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<SitePageView> loadPublished() {
        return pages.listInOrder().stream().filter(p -> p.published).map(SitePageView::of).toList();
    }

    /** The published pages in footer order. */
    public List<SitePageView> footer() {
        return published.get();
    }

    public Optional<SitePageView> findPublished(String slug) {
        return footer().stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    /** Every page, published or not, in footer order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SitePageView> all() {
        return pages.listInOrder().stream().map(SitePageView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SitePageView find(long id) {
        return pages.findByIdOptional(id).map(SitePageView::of).orElseThrow(NotFoundException::new);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public String holderOf(String slug) {
        return pages.findBySlug(slug).isPresent() ? "a page" : null;
    }

    /**
     * Creates a page ({@code id} null) or changes one, whose slug stays as it is: links to it keep
     * working. With {@code expectedVersion}, a page saved since then is refused with {@link Conflict}.
     */
    @Transactional
    public SitePageView save(Long id, Long expectedVersion, Input input, String by) {
        SitePage page = id == null ? new SitePage() : pages.findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (id != null && expectedVersion != null && expectedVersion != page.version) {
            throw new Conflict(page.updatedBy);
        }
        FieldErrors errors = new FieldErrors();
        String slug = input.slug() == null ? "" : input.slug().strip();
        if (id == null) {
            checkSlug(slug, errors);
        }
        String title = CleanText.singleLine(input.title());
        if (title == null || title.isBlank()) {
            errors.add("title", "Give the page a title");
        } else if (title.strip().length() > 200) {
            errors.add("title", "Keep the title within 200 characters");
        }
        String description = CleanText.singleLine(input.description());
        if (description != null && description.strip().length() > 500) {
            errors.add("description", "Keep the description within 500 characters");
        }
        String body = CleanText.multiLine(input.body());
        if (body == null || body.isBlank()) {
            errors.add("body", "Write the page");
        } else if (body.length() > MAX_BODY) {
            errors.add("body", "Keep the page within " + MAX_BODY + " characters");
        }
        Integer position = position(input.position(), errors);
        errors.throwIfAny();

        if (id == null) {
            page.slug = slug;
        }
        page.title = title.strip();
        page.description = CleanText.blankToNull(description == null ? null : description.strip());
        page.bodyMarkdown = body;
        page.bodyHtml = renderer.toHtml(body);
        page.published = input.published();
        page.updatedAt = Instant.now();
        page.updatedBy = by;
        List<SitePage> ordered = new ArrayList<>(pages.listInOrder());
        ordered.remove(page);
        if (id == null) {
            pages.persist(page);
        }
        ordered.add(position == null ? (id == null ? ordered.size() : Math.min(page.position, ordered.size()))
                : Math.min(position, ordered.size()), page);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).position = i;
        }
        changes.fire(ContentChanged.page(page.id));
        pages.flush();
        return SitePageView.of(page);
    }

    @Transactional
    public void delete(long id) {
        SitePage page = pages.findByIdOptional(id).orElseThrow(NotFoundException::new);
        pages.delete(page);
        changes.fire(ContentChanged.page(id));
    }

    private void checkSlug(String slug, FieldErrors errors) {
        if (!slug.matches(Slugs.PATTERN) || slug.length() > Slugs.MAX_LENGTH) {
            errors.add("slug", "Use lower-case letters, digits and single hyphens (at most " + Slugs.MAX_LENGTH + ")");
            return;
        }
        if (SectionService.RESERVED_SLUGS.contains(slug)) {
            errors.add("slug", "'" + slug + "' is reserved for another part of the site");
            return;
        }
        for (FirstSegments holders : firstSegments) {
            String holder = holders.holderOf(slug);
            if (holder != null) {
                errors.add("slug", "/" + slug + " is already the address of " + holder);
                return;
            }
        }
    }

    /** The typed position, 1 first, as a 0-based index; null when left empty. */
    private static Integer position(String typed, FieldErrors errors) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1) {
            errors.add("position", "Give a whole number: 1 is first in the footer");
            return null;
        }
        return Integer.parseInt(text) - 1;
    }
}
