package media.icaro.news.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.author.Author;
import media.icaro.news.author.AuthorService;
import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.domain.Slugs;
import media.icaro.news.media.ImageService;
import media.icaro.news.media.PreparedImage;
import media.icaro.news.section.Section;
import media.icaro.news.section.SectionService;
import media.icaro.news.tag.Tag;
import media.icaro.news.tag.TagService;

/**
 * The one way to write an article, for the newsroom pages, the JSON API, the scheduler and first
 * start alike: validate everything, then save the article and a revision in one transaction, then,
 * once it has committed, tell every cache through {@link ContentChanged}. A rejected submission
 * changes nothing.
 */
@ApplicationScoped
public class EditorialService {

    /** What the editor asked for with a save. */
    public enum Action {
        /** Keep the status (a new article starts as a draft). */
        SAVE,
        PUBLISH,
        SCHEDULE,
        UNPUBLISH
    }

    /** The article was saved by someone else since the editor loaded it. */
    public static final class EditConflict extends RuntimeException {
        private final long currentVersion;
        private final String lastEditor;

        EditConflict(long currentVersion, String lastEditor) {
            super("The article changed since it was loaded");
            this.currentVersion = currentVersion;
            this.lastEditor = lastEditor;
        }

        public long currentVersion() {
            return currentVersion;
        }

        public String lastEditor() {
            return lastEditor;
        }
    }

    private final ArticleRepository articles;
    private final SectionService sections;
    private final TagService tags;
    private final AuthorService authors;
    private final ImageService images;
    private final BodyRenderer bodyRenderer;
    private final Permalinks permalinks;
    private final ArticleValidation validation;
    private final PinnedStories pins;
    private final ArticleHistory history;
    private final ArticleAddresses addresses;
    private final Event<ContentChanged> changes;
    private final EditorialMetrics metrics;

    EditorialService(ArticleRepository articles, SectionService sections, TagService tags, AuthorService authors,
            ImageService images, BodyRenderer bodyRenderer, Permalinks permalinks, ArticleValidation validation,
            PinnedStories pins, ArticleHistory history, ArticleAddresses addresses, Event<ContentChanged> changes,
            EditorialMetrics metrics) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.images = images;
        this.bodyRenderer = bodyRenderer;
        this.permalinks = permalinks;
        this.validation = validation;
        this.pins = pins;
        this.history = history;
        this.addresses = addresses;
        this.changes = changes;
        this.metrics = metrics;
    }

    /** An article as the newsroom edits it: its content, where it stands, and its history. */
    public record EditableArticle(long id, long version, Article.Status status, String createdBy, String url,
            Instant modifiedAt, Instant updatedAt, ArticleInput input, List<ArticleView.CorrectionNote> corrections,
            List<RevisionLine> revisions) {

        public boolean isLive() {
            return status == Article.Status.PUBLISHED;
        }
    }

    public record RevisionLine(long id, Instant revisedAt, String revisedBy, String summary) {
    }

    /** A line of the newsroom's article list. */
    public record DeskLine(long id, String headline, Article.Status status, String sectionName, String createdBy,
            List<String> bylines, Instant publishedAt, Instant modifiedAt, String url) {
    }

    @Transactional
    public EditableArticle load(long id) {
        Article article = find(id);
        List<RevisionLine> revisions = history.lines(id);
        return new EditableArticle(article.id, article.version, article.status, article.createdBy,
                article.publishedAt == null ? null : permalinks.of(article), article.modifiedAt, article.updatedAt,
                RevisionSnapshot.of(article).toInput(),
                article.corrections.stream().map(c -> new ArticleView.CorrectionNote(c.correctedAt, c.note)).toList(),
                revisions);
    }

    /** Who created the article, for the newsroom to check who may open it without loading it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String creatorOf(long id) {
        return articles.findCreatorById(id).orElseThrow(NotFoundException::new);
    }

    /**
     * The newsroom's list: newest change first, filtered by status, section, words of the headline and,
     * unless null, who created the article.
     */
    @Transactional
    public List<DeskLine> list(Article.Status status, String typedSection, String typedQuery, String createdBy, int limit) {
        return articles.findForNewsroom(new NewsroomQuery(status, typedSection, typedQuery, createdBy, null, null), limit).stream()
                .map(this::deskLine).toList();
    }

    /**
     * Checks a submission without saving it, so a caller can report its own errors and these together;
     * with a new image to store, as {@link #create(ArticleInput, byte[], Action, Editor)} would.
     */
    @Transactional
    public void check(ArticleInput input, boolean newImage, Action action, Long id) {
        validation.check(input, newImage, action, id == null ? null : find(id), now());
    }

    /** Creates an article; a simultaneous write that took its address or a new tag first is settled by trying again. */
    public long create(ArticleInput input, Action action, Editor editor) {
        return create(input, null, action, editor);
    }

    /** Creates an article with a new feature image, stored in the article's transaction: a rejected save stores none. */
    public long create(ArticleInput submitted, byte[] newImage, Action action, Editor editor) {
        PreparedImage image = prepared(newImage);
        return WriteAttempts.run(() -> createOnce(submitted, image, action, editor));
    }

    private long createOnce(ArticleInput submitted, PreparedImage newImage, Action action, Editor editor) {
        checkMayUse(action, editor);
        ArticleInput input = withNewImage(submitted, newImage);
        Instant now = now();
        Article article = new Article();
        article.status = Article.Status.DRAFT;
        article.createdAt = now;
        article.createdBy = editor.username();
        ArticleValidation.Checked checked = validation.check(input, false, action, null, now);
        apply(article, input, checked, now);
        transition(article, action, input.publishedAt(), now);
        if (article.status == Article.Status.PUBLISHED) {
            metrics.publishedByEditor();
        }
        articles.persist(article);
        history.record(article, editor, now, summary(action, "Created"));
        changes.fire(ContentChanged.article(article.id));
        return article.id;
    }

    /**
     * Saves an edit made on version {@code expectedVersion}; if someone saved since, nothing is
     * written and {@link EditConflict} says so, also when the other save happened at the same moment.
     */
    public void update(long id, long expectedVersion, ArticleInput input, Action action, Editor editor) {
        update(id, expectedVersion, input, null, action, editor);
    }

    /** Saves an edit with a new feature image, stored in the article's transaction: a rejected save stores none. */
    public void update(long id, long expectedVersion, ArticleInput input, byte[] newImage, Action action, Editor editor) {
        PreparedImage image = prepared(newImage);
        try {
            WriteAttempts.run(() -> {
                updateOnce(id, expectedVersion, input, image, action, editor);
                return id;
            });
        } catch (RuntimeException e) {
            if (WriteAttempts.lostRace(e)) {
                throw QuarkusTransaction.requiringNew().call(() -> new EditConflict(find(id).version, history.lastEditor(id)));
            }
            throw e;
        }
    }

    private void updateOnce(long id, long expectedVersion, ArticleInput submitted, PreparedImage newImage, Action action,
            Editor editor) {
        Article article = find(id);
        checkMayEdit(article, editor);
        checkMayUse(action, editor);
        if (article.version != expectedVersion) {
            throw new EditConflict(article.version, history.lastEditor(article.id));
        }
        ArticleInput input = withNewImage(submitted, newImage);
        Instant now = now();
        ArticleValidation.Checked checked = validation.check(input, false, action, article, now);
        String oldPath = addresses.currentPath(article);
        List<String> changed = changedFields(article, input, checked);
        boolean wasLive = article.status == Article.Status.PUBLISHED;
        apply(article, input, checked, now);
        transition(article, action, input.publishedAt(), now);
        if (wasLive && article.status == Article.Status.PUBLISHED && !input.minor() && !changed.isEmpty()) {
            article.updatedAt = now;
        }
        if (!wasLive && article.status == Article.Status.PUBLISHED) {
            metrics.publishedByEditor();
        }
        addresses.keepOld(article, oldPath);
        articles.flush();
        String what = changed.isEmpty() ? "No changes" : "Edited " + String.join(", ", changed);
        history.record(article, editor, now, summary(action, what) + (input.minor() ? " (minor)" : ""));
        changes.fire(ContentChanged.article(article.id));
    }

    /** A dated correction shown on the page; it always marks the article "Updated". */
    @Transactional
    public void correct(long id, String typedNote, Editor editor) {
        Article article = find(id);
        String note = CleanText.multiLine(typedNote);
        if (!editor.canPublish()) {
            throw new ForbiddenException("Only editors add corrections");
        }
        if (note == null || note.isBlank()) {
            new FieldErrors().add("note", "Write what was wrong and what changed").throwIfAny();
        }
        if (note.length() > 2000) {
            new FieldErrors().add("note", "Keep the correction within 2000 characters").throwIfAny();
        }
        Instant now = now();
        Correction correction = new Correction();
        correction.article = article;
        correction.correctedAt = now;
        correction.note = note.strip();
        article.corrections.add(correction);
        article.updatedAt = now;
        article.modifiedAt = now;
        articles.flush();
        history.record(article, editor, now, "Corrected: " + CleanText.abbreviate(note.strip(), 200));
        changes.fire(ContentChanged.article(article.id));
    }

    /** Unpublishes: the page answers 404 again; nothing is deleted. */
    @Transactional
    public void unpublish(long id, Editor editor) {
        Article article = find(id);
        checkMayUse(Action.UNPUBLISH, editor);
        Instant now = now();
        transition(article, Action.UNPUBLISH, null, now);
        articles.flush();
        history.record(article, editor, now, "Unpublished");
        changes.fire(ContentChanged.article(article.id));
    }

    /** Restores an earlier revision's content (not its status) as a new save, which writes a new revision. */
    @Transactional
    public void restore(long id, long revisionId, Editor editor) {
        Article article = find(id);
        checkMayEdit(article, editor);
        ArticleHistory.Restorable revision = history.restorable(id, revisionId);
        ArticleInput input = revision.input();
        Instant now = now();
        // A revision was valid when it was saved; the restore takes it as it was, not through today's checks.
        ArticleValidation.Checked restored = new ArticleValidation.Checked(
                sections.findEntityBySlug(input.section()).orElse(article.section),
                pins.resolve(input.pinnedRelated(), article, new FieldErrors()));
        String oldPath = addresses.currentPath(article);
        apply(article, input.toBuilder().publishedAt(article.publishedAt).build(), restored, now);
        if (article.status == Article.Status.PUBLISHED) {
            article.updatedAt = now;
        }
        addresses.keepOld(article, oldPath);
        articles.flush();
        history.record(article, editor, now, "Restored " + revision.label());
        changes.fire(ContentChanged.article(article.id));
    }

    /** Publishes every scheduled article whose time has come, including those missed while the site was down. */
    @Transactional
    public int publishDue() {
        Instant now = now();
        List<Article> due = articles.listDue(now);
        for (Article article : due) {
            article.status = Article.Status.PUBLISHED;
            article.modifiedAt = now;
            metrics.publishedOnSchedule();
            articles.flush();
            history.record(article, Editor.SYSTEM, now, "Published on schedule");
            changes.fire(ContentChanged.article(article.id));
        }
        return due.size();
    }

    /** A new image is checked and its smaller versions made before the save's transaction begins. */
    private PreparedImage prepared(byte[] newImage) {
        return newImage == null ? null : images.prepare(newImage, "image");
    }

    private ArticleInput withNewImage(ArticleInput input, PreparedImage newImage) {
        return newImage == null ? input : input.toBuilder().imageId(images.store(newImage)).build();
    }

    private Article find(long id) {
        return articles.findByIdOptional(id).orElseThrow(NotFoundException::new);
    }

    private static void checkMayUse(Action action, Editor editor) {
        if (action != Action.SAVE && !editor.canPublish()) {
            throw new ForbiddenException("Only editors publish, schedule or unpublish");
        }
    }

    private static void checkMayEdit(Article article, Editor editor) {
        if (editor.canPublish()) {
            return;
        }
        if (!editor.username().equals(article.createdBy) || article.status != Article.Status.DRAFT) {
            throw new ForbiddenException("Contributors edit only their own drafts");
        }
    }

    private void apply(Article article, ArticleInput input, ArticleValidation.Checked checked, Instant now) {
        article.headline = input.headline().strip();
        String wanted = input.slug() == null || input.slug().isBlank() ? null : input.slug().strip();
        if (wanted != null) {
            article.slug = wanted;
        } else if (article.slug == null) {
            article.slug = addresses.unique(Slugs.slugify(input.headline()));
        }
        article.standfirst = CleanText.blankToNull(input.standfirst());
        String body = input.body();
        if (!Objects.equals(article.bodyMarkdown, body)) {
            article.bodyMarkdown = body;
            article.bodyHtml = bodyRenderer.toHtml(body);
            article.bodySummary = bodyRenderer.summary(body);
        }
        article.section = checked.section();
        article.kind = input.kind();
        if (input.publishedAt() != null) {
            article.publishedAt = input.publishedAt().truncatedTo(ChronoUnit.SECONDS);
        }
        article.disclaimerMode = input.disclaimerMode();
        article.disclaimerText = input.disclaimerMode() == Article.DisclaimerMode.CUSTOM ? CleanText.blankToNull(input.disclaimerText()) : null;
        article.source = CleanText.blankToNull(input.source());
        article.imageId = input.imageId();
        article.imageAlt = input.imageId() == null ? null : CleanText.blankToNull(input.imageAlt());
        article.imageCaption = input.imageId() == null ? null : CleanText.blankToNull(input.imageCaption());
        article.imageCredit = input.imageId() == null ? null : CleanText.blankToNull(input.imageCredit());
        article.tags.clear();
        article.tags.addAll(tags.resolve(input.tags()));
        article.bylines.clear();
        article.bylines.addAll(authors.resolve(input.bylines()));
        article.pinnedRelated.clear();
        article.pinnedRelated.addAll(checked.pinned());
        article.modifiedAt = now;
    }

    private static void transition(Article article, Action action, Instant requestedAt, Instant now) {
        switch (action) {
            case SAVE -> {
            }
            case PUBLISH -> {
                article.status = Article.Status.PUBLISHED;
                if (requestedAt == null && (article.publishedAt == null || article.publishedAt.isAfter(now))) {
                    article.publishedAt = now;
                }
            }
            case SCHEDULE -> article.status = Article.Status.SCHEDULED;
            case UNPUBLISH -> article.status = Article.Status.UNPUBLISHED;
        }
        article.modifiedAt = now;
    }

    private List<String> changedFields(Article article, ArticleInput input, ArticleValidation.Checked checked) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(article.headline, input.headline().strip())) {
            changed.add("headline");
        }
        if (input.slug() != null && !input.slug().isBlank() && !Objects.equals(article.slug, input.slug().strip())) {
            changed.add("slug");
        }
        if (!Objects.equals(article.standfirst, CleanText.blankToNull(input.standfirst()))) {
            changed.add("standfirst");
        }
        if (!Objects.equals(article.bodyMarkdown, input.body())) {
            changed.add("body");
        }
        if (article.section != checked.section()) {
            changed.add("section");
        }
        if (input.publishedAt() != null && !Objects.equals(article.publishedAt, input.publishedAt().truncatedTo(ChronoUnit.SECONDS))) {
            changed.add("date");
        }
        if (article.kind != input.kind()) {
            changed.add("kind");
        }
        if (!sameSet(article.tags.stream().map((Tag t) -> t.slug).toList(), List.copyOf(Slugs.bySlug(input.tags()).keySet()))) {
            changed.add("tags");
        }
        if (!article.bylines.stream().map((Author a) -> a.slug).toList().equals(List.copyOf(Slugs.bySlug(input.bylines()).keySet()))) {
            changed.add("bylines");
        }
        if (!Objects.equals(article.imageId, input.imageId()) || !Objects.equals(article.imageAlt, CleanText.blankToNull(input.imageAlt()))
                || !Objects.equals(article.imageCaption, CleanText.blankToNull(input.imageCaption()))) {
            changed.add("image");
        }
        if (article.disclaimerMode != input.disclaimerMode()) {
            changed.add("disclaimer");
        }
        if (!ids(article.pinnedRelated).equals(ids(checked.pinned()))) {
            changed.add("related");
        }
        return changed;
    }

    private static List<Long> ids(List<Article> articles) {
        return articles.stream().map(a -> a.id).toList();
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    private static String summary(Action action, String what) {
        return switch (action) {
            case SAVE -> what;
            case PUBLISH -> "Published; " + what.toLowerCase();
            case SCHEDULE -> "Scheduled; " + what.toLowerCase();
            case UNPUBLISH -> "Unpublished; " + what.toLowerCase();
        };
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    // The newsroom's paged list and its bulk actions.

    /**
     * One page of the newsroom's list, with the cursors of the pages before and after it (null where
     * there is none).
     */
    public record DeskPage(List<DeskLine> lines, NewsroomCursor previous, NewsroomCursor next) {
    }

    /** Some of the articles chosen for a bulk action no longer exist: nothing was changed. */
    public static final class StaleSelection extends RuntimeException {
        private final List<Long> missing;

        StaleSelection(List<Long> missing) {
            super("Chosen articles no longer exist: " + missing);
            this.missing = List.copyOf(missing);
        }

        public List<Long> missing() {
            return missing;
        }
    }

    /** A page of at most {@code size} lines of the newsroom's list, in the query's order. */
    @Transactional
    public DeskPage listPage(NewsroomQuery query, int size) {
        List<Article> found = new ArrayList<>(articles.findForNewsroom(query, size + 1));
        boolean more = found.size() > size;
        List<Article> page = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
        if (query.backwards()) {
            Collections.reverse(page);
        }
        NewsroomCursor first = page.isEmpty() ? null : NewsroomCursor.of(query.sort(), page.get(0));
        NewsroomCursor last = page.isEmpty() ? null : NewsroomCursor.of(query.sort(), page.get(page.size() - 1));
        // Read backwards, the page ends where the one the editor came from begins; read forwards from a
        // cursor, there is a page before it.
        NewsroomCursor previous = query.backwards() ? (more ? first : null) : (query.cursor() == null ? null : first);
        NewsroomCursor next = query.backwards() || more ? last : null;
        return new DeskPage(page.stream().map(this::deskLine).toList(), previous, next);
    }

    /** Lines of these articles in the order given; {@link StaleSelection} when any no longer exists. */
    @Transactional
    public List<DeskLine> chosen(List<Long> ids) {
        return chosenArticles(ids).stream().map(this::deskLine).toList();
    }

    /**
     * Unpublishes the chosen articles that are published or scheduled, all or none, each with a
     * revision; others are left as they are. Returns how many were unpublished.
     */
    @Transactional
    public int unpublishAll(List<Long> ids, Editor editor) {
        checkMayUse(Action.UNPUBLISH, editor);
        List<Article> chosen = chosenArticles(ids);
        Instant now = now();
        int changed = 0;
        for (Article article : chosen) {
            if (article.status == Article.Status.PUBLISHED || article.status == Article.Status.SCHEDULED) {
                transition(article, Action.UNPUBLISH, null, now);
                articles.flush();
                history.record(article, editor, now, "Unpublished (bulk)");
                changes.fire(ContentChanged.article(article.id));
                changed++;
            }
        }
        return changed;
    }

    /**
     * Moves the chosen articles not yet in the section into it, all or none, each with a revision; a
     * live one keeps answering at its old address. Returns how many moved.
     */
    @Transactional
    public int moveAll(List<Long> ids, String sectionSlug, Editor editor) {
        if (!editor.canPublish()) {
            throw new ForbiddenException("Only editors move articles between sections");
        }
        Section section = sections.findEntityBySlug(sectionSlug)
                .orElseThrow(() -> new FieldErrors.Invalid(new FieldErrors().add("section", "Choose a section to move the articles to")));
        List<Article> chosen = chosenArticles(ids);
        Instant now = now();
        int changed = 0;
        for (Article article : chosen) {
            if (article.section != section) {
                String oldPath = addresses.currentPath(article);
                article.section = section;
                article.modifiedAt = now;
                addresses.keepOld(article, oldPath);
                articles.flush();
                history.record(article, editor, now, "Moved to " + section.name + " (bulk)");
                changes.fire(ContentChanged.article(article.id));
                changed++;
            }
        }
        return changed;
    }

    private List<Article> chosenArticles(List<Long> ids) {
        Map<Long, Article> found = new HashMap<>();
        articles.listByIds(ids).forEach(a -> found.put(a.id, a));
        articles.fetchTagsAndBylines(List.copyOf(found.keySet()));
        List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new StaleSelection(missing);
        }
        return ids.stream().map(found::get).toList();
    }

    private DeskLine deskLine(Article a) {
        return new DeskLine(a.id, a.headline, a.status, a.section.name, a.createdBy,
                a.bylines.stream().map(b -> b.name).toList(), a.publishedAt, a.modifiedAt,
                a.publishedAt == null ? null : permalinks.of(a));
    }
}
