package media.icaro.news.newsroom;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import io.quarkus.security.ForbiddenException;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.ArticleView;
import media.icaro.news.article.RelatedExclusions;
import media.icaro.news.article.StorySummary;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService.EditableArticle;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.NewImages;
import media.icaro.news.article.PreviewBar;
import media.icaro.news.article.PreviewLinks;
import media.icaro.news.author.AuthorService;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.section.SectionService;
import media.icaro.news.site.SiteConfig;
import media.icaro.news.web.SiteDates;

/**
 * What the newsroom's article pages do: read the typed form, report every problem at once, and
 * hand a clean submission to the {@link EditorialService}. A new image is stored in the same
 * transaction as the article, so a rejected form stores none; the form asks for it again instead.
 */
@ApplicationScoped
public class ArticleDeskService {

    private static final Logger LOG = Logger.getLogger(ArticleDeskService.class);

    static final String CHOOSE_IMAGE_AGAIN = "Choose the image again: it is saved only together with the article";

    /**
     * Everything the article form page shows; {@code related} is what the Related block picks for the
     * article as saved, each with the scorer's reason (readers see no reasons).
     */
    public record FormPage(NewsroomUser user, ArticleForm form, FieldErrors errors, EditableArticle article,
            List<media.icaro.news.section.SectionView> sections, String notice, String problem, String previewLink,
            List<ArticleView.RelatedLink> related, List<StorySummary> excluded, String failed, Bylines bylines,
            ArticleAutosaves.FormState autosave) {

        public boolean isNew() {
            return article == null;
        }

        public String bylineHint() {
            return bylines.mine() == null
                    ? "Names separated by commas, in order, e.g. \"ICARO Media Group\". New names become new authors."
                    : "Names separated by commas, in order; yours is \"" + bylines.mine() + "\". New names become new authors.";
        }

        public String dateHint() {
            return article != null && article.isLive()
                    ? "When it was first published. Left as it is, it stays exactly as it is, to the second."
                    : "Leave empty to publish now. Required to schedule.";
        }

        /** The form page with its error summary saying what failed, when it was not the article's save. */
        FormPage failing(String what) {
            return new FormPage(user, form, errors, article, sections, notice, problem, previewLink, related, excluded, what,
                    bylines, autosave);
        }
    }

    /** The names a byline field suggests, and the user's own when an author has their name. */
    public record Bylines(List<String> names, String mine) {
    }

    /** What a form's error summary says failed, unless the page says otherwise. */
    static final String ARTICLE_NOT_SAVED = "The article was not saved. Please fix:";

    private final EditorialService editorial;
    private final ArticleForms forms;
    private final SectionService sections;
    private final PreviewLinks previewLinks;
    private final ArticleService articles;
    private final RelatedExclusions exclusions;
    private final SiteConfig site;
    private final AuthorService authors;
    private final ArticleAutosaves autosaves;

    ArticleDeskService(EditorialService editorial, ArticleForms forms, SectionService sections, PreviewLinks previewLinks,
            ArticleService articles, RelatedExclusions exclusions, SiteConfig site, AuthorService authors,
            ArticleAutosaves autosaves) {
        this.autosaves = autosaves;
        this.authors = authors;
        this.site = site;
        this.exclusions = exclusions;
        this.editorial = editorial;
        this.articles = articles;
        this.forms = forms;
        this.sections = sections;
        this.previewLinks = previewLinks;
    }

    public FormPage blank(NewsroomUser user) {
        // Bylines start empty: the account's name ("Administrator") is not an author until someone types it.
        ArticleAutosaves.Filled filled = autosaves.fillNew(new ArticleForm(), user);
        return new FormPage(user, filled.form(), new FieldErrors(), null, sections.navigation(), null, null, null,
                List.of(), List.of(), ARTICLE_NOT_SAVED, bylines(user), filled.state());
    }

    /**
     * A question before an irreversible step: what it does, the button that does it (a POST to
     * {@code action}) and the way back.
     */
    public record Confirmation(String title, String question, String consequence, String action, String button,
            String back) {
    }

    /**
     * The form filled with what the article's editors work on (its working copy, if it has one) or, when the
     * user has unsaved typing of it autosaved, as they left it; with a notice whose {@code {time}} is the time
     * the article, or its scheduled update, goes live.
     */
    public FormPage edit(long id, NewsroomUser user, String notice) {
        EditableArticle article = editorial.load(id);
        if (notice != null && notice.contains("{time}")) {
            Instant time = article.pending() != null && article.pending().isScheduled() ? article.pending().goLiveAt()
                    : article.input().publishedAt();
            notice = notice.replace("{time}", time == null ? "the time set below" : siteTime(time));
        }
        ArticleForm form = forms.fill(article.editing(), article.version());
        if (article.pending() != null && article.pending().isScheduled()) {
            form.goLiveAt = forms.local(article.pending().goLiveAt());
        }
        ArticleAutosaves.Filled filled = autosaves.fill(id, form, article.version(), article.modifiedAt(), user);
        return page(user, filled.form(), new FieldErrors(), article, notice, null, filled.state(), true);
    }

    /**
     * The form sent back as typed, with the messages beside its fields. A browser cannot refill a file
     * field, and an image is stored only with its article, so a new one must be chosen again.
     */
    public FormPage withErrors(Long id, ArticleForm form, FieldErrors errors, NewsroomUser user, String problem) {
        return withErrors(id, form, errors, user, problem, true);
    }

    /**
     * A new article's form as typed, after the database failed its save: built without asking the database
     * again (each question would wait for a connection that is not coming), so without byline suggestions.
     */
    public FormPage unsaved(ArticleForm form, NewsroomUser user, String problem) {
        return withErrors(null, form, new FieldErrors(), user, problem, false);
    }

    private FormPage withErrors(Long id, ArticleForm form, FieldErrors errors, NewsroomUser user, String problem,
            boolean suggestBylines) {
        if (forms.hasNewImage(form)) {
            errors.add("image", CHOOSE_IMAGE_AGAIN);
        }
        if (forms.hasNewSocialImage(form)) {
            errors.add("socialImage", CHOOSE_IMAGE_AGAIN);
        }
        return page(user, form, errors, id == null ? null : editorial.load(id), null, problem, autosaves.typedNow(id, user),
                suggestBylines);
    }

    public long create(ArticleForm form, Editor editor) {
        EditorialService.Action action = forms.action(form);
        NewImages newImages = forms.newImages(form);
        ArticleInput input = read(form, newImages, action, null, new FieldErrors());
        long id = editorial.create(input, newImages, action, editor);
        clearAutosave(ArticleAutosaves.NEW, editor);
        return id;
    }

    /** Saves the form; whether the edit was kept as the live article's working copy. */
    public boolean update(long id, ArticleForm form, Editor editor) {
        EditorialService.Action action = forms.action(form);
        NewImages newImages = forms.newImages(form);
        FieldErrors errors = new FieldErrors();
        Instant goLiveAt = forms.goLiveAt(form, errors);
        ArticleInput input = read(form, newImages, action, id, errors);
        boolean kept = editorial.update(id, version(form.version), input, newImages, action, goLiveAt, editor);
        clearAutosave(String.valueOf(id), editor);
        return kept;
    }

    /** A real save makes the autosave obsolete; failing to drop it must not report the save as failed. */
    private void clearAutosave(String key, Editor editor) {
        try {
            autosaves.clear(key, editor.username());
        } catch (RuntimeException e) {
            LOG.warn("A saved article's autosave was not deleted: the form offers it until the next save or discard", e);
        }
    }

    /** What a save did, as the code of the notice the form shows after it: {@code kept} when it made a working copy. */
    static String outcome(String action, boolean kept) {
        return switch (action) {
            case "publish" -> "published";
            case "schedule" -> kept ? "update-scheduled" : "scheduled";
            case "unpublish" -> "unpublished";
            default -> kept ? "kept" : "saved";
        };
    }

    public Confirmation confirmDiscard(long id, NewsroomUser user) {
        EditableArticle article = editorial.standing(id);
        checkMayOpen(article.createdBy(), user);
        if (article.pending() == null) {
            throw new NotFoundException("This article has no working copy");
        }
        return new Confirmation("Discard the working copy?",
                "Discard the working copy of \u201c" + article.pending().input().headline() + "\u201d saved "
                        + siteTime(article.pending().savedAt()) + " by " + article.pending().savedBy() + "?",
                "Its changes are lost for good. Readers keep seeing the live version, which the form shows again.",
                "/admin/articles/" + id + "/discard", "Discard the working copy", "/admin/articles/" + id);
    }

    public Confirmation confirmUnpublish(long id, NewsroomUser user) {
        EditableArticle article = editorial.standing(id);
        checkMayOpen(article.createdBy(), user);
        if (!article.isLive() && article.status() != Article.Status.SCHEDULED) {
            throw new NotFoundException("This article is not published");
        }
        return new Confirmation("Unpublish this article?",
                "Unpublish \u201c" + article.input().headline() + "\u201d?",
                "Readers get \u201cnot found\u201d at its address and it leaves the front page, listings, feeds and search."
                        + " Nothing is deleted: you can publish it again.",
                "/admin/articles/" + id + "/unpublish", "Unpublish", "/admin/articles/" + id);
    }

    /** The version a form or button sent; an unreadable one never matches, and is refused like a stale one. */
    static long version(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "18/06/2024 19h15 (Europe/Paris time)". */
    private String siteTime(Instant time) {
        return SiteDates.dateline(time) + " (" + site.timeZone().getId() + " time)";
    }

    static void checkMayOpen(String createdBy, NewsroomUser user) {
        if (!user.canPublish() && !user.username().equals(createdBy)) {
            throw new ForbiddenException("Contributors open only their own articles");
        }
    }

    /** The submission, checked; with a new image, all of it, so that a form that will not save writes nothing. */
    private ArticleInput read(ArticleForm form, NewImages newImages, EditorialService.Action action, Long id, FieldErrors errors) {
        ArticleInput input = forms.read(form, newImages, errors);
        boolean newImage = newImages.feature() != null;
        if (!errors.isEmpty() || newImage || newImages.social() != null) {
            try {
                editorial.check(input, newImage, action, id);
            } catch (FieldErrors.Invalid e) {
                e.errors().messages().forEach(errors::add);
            }
            errors.throwIfAny();
        }
        return input;
    }

    /** A preview page: the story as readers will see it, and the newsroom's bar over it. */
    public record Preview(ArticleView view, PreviewBar bar) {
    }

    /**
     * The preview of an article the user may open (its working copy if it has one, else the article as
     * saved) under the bar that says what it shows, the way back, the button that puts it live and the link
     * to share. Where the article stands is read without its history.
     */
    public Preview preview(long id, NewsroomUser user) {
        EditableArticle article = editorial.standing(id);
        checkMayOpen(article.createdBy(), user);
        return new Preview(articles.preview(id).orElseThrow(NotFoundException::new), previewBar(article, user));
    }

    private PreviewBar previewBar(EditableArticle article, NewsroomUser user) {
        long id = article.id();
        String state;
        String publish = null;
        if (article.pending() != null) {
            state = "Working copy saved " + SiteDates.dateline(article.pending().savedAt()) + " by " + article.pending().savedBy()
                    + (article.pending().isScheduled() ? ", to go live " + SiteDates.dateline(article.pending().goLiveAt()) : "")
                    + ". Readers still see the live version.";
            publish = "Update live";
        } else if (article.isLive()) {
            state = "This is the live version: readers see it as it is here.";
        } else if (article.status() == Article.Status.SCHEDULED) {
            state = "Scheduled: readers see it from " + SiteDates.dateline(article.input().publishedAt()) + ".";
        } else {
            state = (article.status() == Article.Status.UNPUBLISHED ? "Unpublished" : "Draft") + ": readers cannot see it.";
            ArticleInput input = article.input();
            publish = input.publishedAt() != null && input.publishedAt().isAfter(Instant.now()) ? null : "Publish now";
        }
        return new PreviewBar(id, state, user.canPublish() ? publish : null, article.version(),
                previewLinks.linkFor(id, Instant.now()));
    }

    private FormPage page(NewsroomUser user, ArticleForm form, FieldErrors errors, EditableArticle article, String notice,
            String problem, ArticleAutosaves.FormState autosave, boolean suggestBylines) {
        return page(user, form, errors, article, notice, problem, autosave,
                suggestBylines ? bylines(user) : new Bylines(List.of(), null));
    }

    private FormPage page(NewsroomUser user, ArticleForm form, FieldErrors errors, EditableArticle article, String notice,
            String problem, ArticleAutosaves.FormState autosave, Bylines bylines) {
        if (article != null) {
            checkMayOpen(article.createdBy(), user);
        }
        String preview = article == null ? null : previewLinks.linkFor(article.id(), Instant.now());
        List<ArticleView.RelatedLink> related = article == null ? List.of()
                : articles.preview(article.id()).map(ArticleView::related).orElse(List.of());
        List<StorySummary> excluded = article == null ? List.of() : exclusions.of(article.id());
        return new FormPage(user, form, errors, article, sections.navigation(), notice, problem, preview, related, excluded,
                ARTICLE_NOT_SAVED, bylines, autosave);
    }

    private Bylines bylines(NewsroomUser user) {
        return new Bylines(authors.names(2000), authors.ownByline(user.displayName()).orElse(null));
    }
}
