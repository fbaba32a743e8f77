package media.icaro.news.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import media.icaro.news.author.Author;
import media.icaro.news.author.AuthorService;
import media.icaro.news.domain.CleanText;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.domain.Slugs;
import media.icaro.news.media.Image;
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

    private static final Logger LOG = Logger.getLogger(EditorialService.class);

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
    private final WorkingCopies workingCopies;

    EditorialService(ArticleRepository articles, SectionService sections, TagService tags, AuthorService authors,
            ImageService images, BodyRenderer bodyRenderer, Permalinks permalinks, ArticleValidation validation,
            PinnedStories pins, ArticleHistory history, ArticleAddresses addresses, Event<ContentChanged> changes,
            EditorialMetrics metrics, WorkingCopies workingCopies) {
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
        this.workingCopies = workingCopies;
    }

    /**
     * An article as the newsroom edits it: its content as saved ({@code input}: for a live article, what
     * readers see), its working copy if it has one, where it stands, and its history.
     */
    public record EditableArticle(long id, long version, Article.Status status, String createdBy, String url,
            Instant modifiedAt, Instant updatedAt, ArticleInput input, PendingChange pending,
            List<ArticleView.CorrectionNote> corrections, List<RevisionLine> revisions) {

        public boolean isLive() {
            return status == Article.Status.PUBLISHED;
        }

        /** What the form edits: the working copy when there is one, else the article as saved. */
        public ArticleInput editing() {
            return pending != null ? pending.input() : input;
        }
    }

    /** A working copy: a change saved without putting it live, by whom and when, and when it goes live if scheduled. */
    public record PendingChange(ArticleInput input, Instant savedAt, String savedBy, Instant goLiveAt) {

        public boolean isScheduled() {
            return goLiveAt != null;
        }
    }

    /** A line of an article's history; {@code changed} names the fields it changed from the revision before. */
    public record RevisionLine(long id, Instant revisedAt, String revisedBy, String summary, List<String> changed) {
    }

    /** A line of the newsroom's article list. */
    public record DeskLine(long id, String headline, Article.Status status, String sectionName, String createdBy,
            List<String> bylines, Instant publishedAt, Instant modifiedAt, String url) {
    }

    /** The article with its history, for the newsroom's form. */
    @Transactional
    public EditableArticle load(long id) {
        return load(id, true);
    }

    /** The article without its history (its revisions list is empty): where it stands, for a bar or a question. */
    @Transactional
    public EditableArticle standing(long id) {
        return load(id, false);
    }

    private EditableArticle load(long id, boolean withHistory) {
        Article article = find(id);
        List<RevisionLine> revisions = withHistory ? history.lines(id) : List.of();
        PendingChange pending = workingCopies.of(id).orElse(null);
        return new EditableArticle(article.id, article.version, article.status, article.createdBy,
                article.publishedAt == null ? null : permalinks.of(article), article.modifiedAt, article.updatedAt,
                RevisionSnapshot.of(article).toInput(), pending,
                article.corrections.stream().map(c -> new ArticleView.CorrectionNote(c.correctedAt, c.note)).toList(),
                revisions);
    }

    /** The working copies of these articles, by article id: those that have one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, PendingChange> pending(Collection<Long> ids) {
        Map<Long, PendingChange> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (WorkingCopy copy : workingCopies.list("articleId in ?1", ids)) {
                found.put(copy.articleId, workingCopies.pending(copy));
            }
        }
        return found;
    }

    /** The content an article's revision saved, to show beside the article now; not found for another article's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleInput revisionContent(long articleId, long revisionId) {
        return history.restorable(articleId, revisionId).input();
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
        return create(input, NewImages.NONE, action, editor);
    }

    /** Creates an article with a new feature image, stored in the article's transaction: a rejected save stores none. */
    public long create(ArticleInput submitted, byte[] newImage, Action action, Editor editor) {
        return create(submitted, NewImages.feature(newImage), action, editor);
    }

    /** Creates an article with new images, stored in the article's transaction: a rejected save stores none. */
    public long create(ArticleInput submitted, NewImages newImages, Action action, Editor editor) {
        Prepared image = prepared(newImages);
        return WriteAttempts.run(() -> createOnce(submitted, image, action, editor));
    }

    private long createOnce(ArticleInput submitted, Prepared newImage, Action action, Editor editor) {
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
        update(id, expectedVersion, input, NewImages.NONE, action, null, editor);
    }

    /**
     * Saves an edit, with a new feature image (or null) stored in the article's transaction: a rejected save
     * stores none. On a live article, {@link Action#SAVE} keeps the edit as the article's working copy, and
     * {@link Action#SCHEDULE} does too, to go live at {@code goLiveAt}: readers see the article unchanged
     * until it does. Any other save writes the article itself and drops its working copy. Whether the edit
     * was kept as the working copy.
     */
    public boolean update(long id, long expectedVersion, ArticleInput input, NewImages newImages, Action action,
            Instant goLiveAt, Editor editor) {
        Prepared image = prepared(newImages);
        try {
            return WriteAttempts.run(() -> updateOnce(id, expectedVersion, input, image, action, goLiveAt, editor));
        } catch (RuntimeException e) {
            if (WriteAttempts.lostRace(e)) {
                throw QuarkusTransaction.requiringNew().call(() -> new EditConflict(find(id).version, history.lastEditor(id)));
            }
            throw e;
        }
    }

    private boolean updateOnce(long id, long expectedVersion, ArticleInput submitted, Prepared newImage, Action action,
            Instant goLiveAt, Editor editor) {
        Article article = find(id);
        checkMayEdit(article, editor);
        checkMayUse(action, editor);
        if (article.version != expectedVersion) {
            throw new EditConflict(article.version, history.lastEditor(article.id));
        }
        Instant now = now();
        if (article.status == Article.Status.PUBLISHED && (action == Action.SAVE || action == Action.SCHEDULE)) {
            keepWorkingCopy(article, submitted, newImage, action == Action.SCHEDULE, goLiveAt, editor, now);
            return true;
        }
        ArticleInput input = withNewImage(submitted, newImage);
        write(article, input, validation.check(input, false, action, article, now), action, editor, now, "");
        workingCopies.drop(article.id);
        return false;
    }

    /**
     * Keeps an edit of a live article as its working copy, checked as the save that puts it live will check
     * it; the article's version moves, so that a form opened before this save is refused like any stale one.
     */
    private void keepWorkingCopy(Article article, ArticleInput submitted, Prepared newImage, boolean scheduled,
            Instant goLiveAt, Editor editor, Instant now) {
        FieldErrors errors = new FieldErrors();
        if (scheduled && goLiveAt == null) {
            errors.add("goLiveAt", "Choose when the update goes live");
        } else if (scheduled && !goLiveAt.isAfter(now)) {
            errors.add("goLiveAt", "That time has passed: choose a time in the future, or update live now");
        }
        try {
            validation.check(submitted, newImage.feature() != null, Action.SAVE, article, now);
        } catch (FieldErrors.Invalid e) {
            e.errors().messages().forEach(errors::add);
        }
        errors.throwIfAny();
        ArticleInput input = withNewImage(submitted, newImage);
        workingCopies.keep(article, input, editor, now, scheduled ? goLiveAt.truncatedTo(ChronoUnit.SECONDS) : null);
        articles.flush();
    }

    /**
     * Writes {@code input} to the article and moves it by {@code action}, with a revision naming the fields
     * that really changed, and tells every cache once it commits.
     */
    private void write(Article article, ArticleInput input, ArticleValidation.Checked checked, Action action, Editor editor,
            Instant now, String prefix) {
        String oldPath = addresses.currentPath(article);
        ArticleInput before = RevisionSnapshot.of(article).content();
        boolean wasLive = article.status == Article.Status.PUBLISHED;
        apply(article, input, checked, now);
        transition(article, action, input.publishedAt(), now);
        List<String> changed = RevisionSnapshot.changedFields(before, RevisionSnapshot.of(article).content());
        if (wasLive && article.status == Article.Status.PUBLISHED && !input.minor() && !changed.isEmpty()) {
            article.updatedAt = now;
        }
        if (!wasLive && article.status == Article.Status.PUBLISHED) {
            metrics.publishedByEditor();
        }
        addresses.keepOld(article, oldPath);
        articles.flush();
        String what = changed.isEmpty() ? "No changes" : "Edited " + String.join(", ", changed);
        String done = wasLive && action == Action.PUBLISH ? "Updated live; " + what.toLowerCase()
                : prefix.isEmpty() ? summary(action, what) : what.toLowerCase();
        history.record(article, editor, now, prefix + done + (input.minor() ? " (minor)" : ""));
        changes.fire(ContentChanged.article(article.id));
    }

    /**
     * Puts the article live as it stands in the newsroom: its working copy if it has one, else the article
     * itself (a draft, or an unpublished story), checked as a publication. Refused like a stale form when
     * someone saved since {@code expectedVersion}.
     */
    public void publishAsPreviewed(long id, long expectedVersion, Editor editor) {
        EditableArticle article = standing(id);
        update(id, expectedVersion, article.editing(), NewImages.NONE, Action.PUBLISH, null, editor);
    }

    /** Drops a live article's working copy: readers keep the live version, and the form shows it again. */
    @Transactional
    public boolean discardWorkingCopy(long id, Editor editor) {
        Article article = find(id);
        checkMayEdit(article, editor);
        checkMayUse(Action.PUBLISH, editor);
        return workingCopies.discard(article);
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
        takeDown(article, editor, now(), "Unpublished");
    }

    /** Unpublishes one article, with its revision, and tells every cache once the transaction commits. */
    private void takeDown(Article article, Editor editor, Instant now, String summary) {
        transition(article, Action.UNPUBLISH, null, now);
        articles.flush();
        history.record(article, editor, now, summary);
        changes.fire(ContentChanged.article(article.id));
    }

    /**
     * Restores an earlier revision's content (not its status) as a new save, which writes a new revision; on
     * a live article, as its working copy instead, to preview and put live. Whether it was written live.
     */
    @Transactional
    public boolean restore(long id, long revisionId, Editor editor) {
        Article article = find(id);
        checkMayEdit(article, editor);
        ArticleHistory.Restorable revision = history.restorable(id, revisionId);
        ArticleInput input = revision.input();
        Instant now = now();
        // A revision was valid when it was saved; the restore takes it as it was, not through today's checks.
        ArticleValidation.Checked restored = new ArticleValidation.Checked(
                sections.findEntityBySlug(input.section()).orElse(article.section),
                pins.resolve(input.pinnedRelated(), article, new FieldErrors()));
        ArticleInput content = input.toBuilder().publishedAt(article.publishedAt).minor(false).build();
        if (article.status == Article.Status.PUBLISHED) {
            // Readers keep the live version until an editor has looked at the restored one and updates live.
            workingCopies.keep(article, content, editor, now, null);
            return false;
        }
        String oldPath = addresses.currentPath(article);
        apply(article, content, restored, now);
        addresses.keepOld(article, oldPath);
        articles.flush();
        history.record(article, editor, now, "Restored " + revision.label());
        workingCopies.drop(id);
        changes.fire(ContentChanged.article(article.id));
        return true;
    }

    /**
     * Publishes every scheduled article, and puts live every scheduled update, whose time has come, including
     * those missed while the site was down; how many.
     */
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
        int updated = 0;
        for (WorkingCopy copy : workingCopies.due(now)) {
            Article article = find(copy.articleId);
            ArticleInput input = workingCopies.pending(copy).input();
            try {
                if (article.status != Article.Status.PUBLISHED) {
                    throw new IllegalStateException("no longer live");
                }
                write(article, input, validation.check(input, false, Action.SAVE, article, now), Action.SAVE,
                        new Editor(copy.savedBy, true), now, "Updated on schedule; ");
                workingCopies.delete(copy);
                updated++;
            } catch (FieldErrors.Invalid | IllegalStateException e) {
                // Kept as a working copy for an editor to look at, no longer scheduled.
                copy.goLiveAt = null;
                LOG.warnf("The scheduled update of article %d was not put live: %s", article.id, e.getMessage());
            }
        }
        return due.size() + updated;
    }

    /**
     * Puts {@code input} on the article in memory, as a save would, for a preview built in a transaction
     * that is rolled back: the caller makes sure it is never flushed.
     */
    void showForPreview(Article article, ArticleInput input) {
        Instant now = now();
        apply(article, input, new ArticleValidation.Checked(sections.findEntityBySlug(input.section()).orElse(article.section),
                pins.resolve(input.pinnedRelated(), article, new FieldErrors())), now);
        article.image = article.imageId == null ? null : articles.getEntityManager().find(Image.class, article.imageId);
        article.socialImage = article.socialImageId == null ? null
                : articles.getEntityManager().find(Image.class, article.socialImageId);
        if (article.status == Article.Status.PUBLISHED && !input.minor()) {
            article.updatedAt = now;
        }
    }

    /** A new image is checked and its smaller versions made before the save's transaction begins. */
    /** New images, checked and with their smaller versions made: none of them stored yet. */
    private record Prepared(PreparedImage feature, PreparedImage social) {
    }

    private Prepared prepared(NewImages newImages) {
        NewImages sent = newImages == null ? NewImages.NONE : newImages;
        return new Prepared(sent.feature() == null ? null : images.prepare(sent.feature(), "image"),
                sent.social() == null ? null : images.prepare(sent.social(), "socialImage"));
    }

    private ArticleInput withNewImage(ArticleInput input, Prepared newImages) {
        ArticleInput.Builder with = input.toBuilder();
        if (newImages.feature() != null) {
            with.imageId(images.store(newImages.feature()));
        }
        if (newImages.social() != null) {
            with.socialImageId(images.store(newImages.social()));
        }
        return newImages.feature() == null && newImages.social() == null ? input : with.build();
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
        article.seoTitle = CleanText.blankToNull(input.seoTitle());
        article.seoDescription = CleanText.blankToNull(input.seoDescription());
        article.imageId = input.imageId();
        article.imageAlt = input.imageId() == null ? null : CleanText.blankToNull(input.imageAlt());
        article.imageCaption = input.imageId() == null ? null : CleanText.blankToNull(input.imageCaption());
        article.imageCredit = input.imageId() == null ? null : CleanText.blankToNull(input.imageCredit());
        article.socialImageId = input.socialImageId();
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
                takeDown(article, editor, now, "Unpublished (bulk)");
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
