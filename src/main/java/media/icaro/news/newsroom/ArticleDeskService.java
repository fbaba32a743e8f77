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
import media.icaro.news.article.PreviewLinks;
import media.icaro.news.domain.FieldErrors;
import media.icaro.news.section.SectionService;

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
            List<ArticleView.RelatedLink> related, List<StorySummary> excluded, ArticleAutosaves.FormState autosave) {

        public boolean isNew() {
            return article == null;
        }
    }

    private final EditorialService editorial;
    private final ArticleForms forms;
    private final SectionService sections;
    private final PreviewLinks previewLinks;
    private final ArticleService articles;
    private final RelatedExclusions exclusions;
    private final ArticleAutosaves autosaves;

    ArticleDeskService(EditorialService editorial, ArticleForms forms, SectionService sections, PreviewLinks previewLinks,
            ArticleService articles, RelatedExclusions exclusions, ArticleAutosaves autosaves) {
        this.exclusions = exclusions;
        this.autosaves = autosaves;
        this.editorial = editorial;
        this.articles = articles;
        this.forms = forms;
        this.sections = sections;
        this.previewLinks = previewLinks;
    }

    public FormPage blank(NewsroomUser user) {
        ArticleForm form = new ArticleForm();
        form.bylines = user.displayName();
        ArticleAutosaves.Filled filled = autosaves.fillNew(form, user);
        return new FormPage(user, filled.form(), new FieldErrors(), null, sections.navigation(), null, null, null, List.of(),
                List.of(), filled.state());
    }

    /** The article as saved or, when the user has unsaved typing of it autosaved, as they left it. */
    public FormPage edit(long id, NewsroomUser user, String notice) {
        EditableArticle article = editorial.load(id);
        ArticleAutosaves.Filled filled = autosaves.fill(id, forms.fill(article.input(), article.version()), article.version(),
                article.modifiedAt(), user);
        return page(user, filled.form(), new FieldErrors(), article, notice, null, filled.state());
    }

    /**
     * The form sent back as typed, with the messages beside its fields. A browser cannot refill a file
     * field, and an image is stored only with its article, so a new one must be chosen again.
     */
    public FormPage withErrors(Long id, ArticleForm form, FieldErrors errors, NewsroomUser user, String problem) {
        if (forms.hasNewImage(form)) {
            errors.add("image", CHOOSE_IMAGE_AGAIN);
        }
        return page(user, form, errors, id == null ? null : editorial.load(id), null, problem, autosaves.typedNow(id, user));
    }

    public long create(ArticleForm form, Editor editor) {
        EditorialService.Action action = forms.action(form);
        byte[] newImage = forms.newImage(form);
        ArticleInput input = read(form, newImage, action, null);
        long id = editorial.create(input, newImage, action, editor);
        clearAutosave(ArticleAutosaves.NEW, editor);
        return id;
    }

    public void update(long id, ArticleForm form, Editor editor) {
        EditorialService.Action action = forms.action(form);
        byte[] newImage = forms.newImage(form);
        ArticleInput input = read(form, newImage, action, id);
        long version;
        try {
            version = Long.parseLong(form.version.strip());
        } catch (NumberFormatException e) {
            version = -1;
        }
        editorial.update(id, version, input, newImage, action, editor);
        clearAutosave(String.valueOf(id), editor);
    }

    /** A real save makes the autosave obsolete; failing to drop it must not report the save as failed. */
    private void clearAutosave(String key, Editor editor) {
        try {
            autosaves.clear(key, editor.username());
        } catch (RuntimeException e) {
            LOG.warn("A saved article's autosave was not deleted: the form offers it until the next save or discard", e);
        }
    }

    /** Contributors see only the articles they created: others' drafts are not theirs to read. */
    public List<EditorialService.DeskLine> list(String status, String section, String query, NewsroomUser user) {
        Article.Status wanted = null;
        for (Article.Status s : Article.Status.values()) {
            if (s.name().equalsIgnoreCase(status)) {
                wanted = s;
            }
        }
        return editorial.list(wanted, section, query, user.canPublish() ? null : user.username(), 200);
    }

    static void checkMayOpen(String createdBy, NewsroomUser user) {
        if (!user.canPublish() && !user.username().equals(createdBy)) {
            throw new ForbiddenException("Contributors open only their own articles");
        }
    }

    /** The submission, checked; with a new image, all of it, so that a form that will not save writes nothing. */
    private ArticleInput read(ArticleForm form, byte[] newImage, EditorialService.Action action, Long id) {
        FieldErrors errors = new FieldErrors();
        ArticleInput input = forms.read(form, newImage, errors);
        if (!errors.isEmpty() || newImage != null) {
            try {
                editorial.check(input, newImage != null, action, id);
            } catch (FieldErrors.Invalid e) {
                e.errors().messages().forEach(errors::add);
            }
            errors.throwIfAny();
        }
        return input;
    }

    /** The preview of an article the user may open; whose it is takes one query, not the article and its history. */
    public ArticleView preview(long id, NewsroomUser user) {
        checkMayOpen(editorial.creatorOf(id), user);
        return articles.preview(id).orElseThrow(NotFoundException::new);
    }

    private FormPage page(NewsroomUser user, ArticleForm form, FieldErrors errors, EditableArticle article, String notice,
            String problem, ArticleAutosaves.FormState autosave) {
        if (article != null) {
            checkMayOpen(article.createdBy(), user);
        }
        String preview = article == null ? null : previewLinks.linkFor(article.id(), Instant.now());
        List<ArticleView.RelatedLink> related = article == null ? List.of()
                : articles.preview(article.id()).map(ArticleView::related).orElse(List.of());
        List<StorySummary> excluded = article == null ? List.of() : exclusions.of(article.id());
        return new FormPage(user, form, errors, article, sections.navigation(), notice, problem, preview, related, excluded,
                autosave);
    }
}
