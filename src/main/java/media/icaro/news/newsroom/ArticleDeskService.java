package media.icaro.news.newsroom;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;

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

    static final String CHOOSE_IMAGE_AGAIN = "Choose the image again: it is saved only together with the article";

    /**
     * Everything the article form page shows; {@code related} is what the Related block picks for the
     * article as saved, each with the scorer's reason (readers see no reasons).
     */
    public record FormPage(NewsroomUser user, ArticleForm form, FieldErrors errors, EditableArticle article,
            List<media.icaro.news.section.SectionView> sections, String notice, String problem, String previewLink,
            List<ArticleView.RelatedLink> related, List<StorySummary> excluded) {

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

    ArticleDeskService(EditorialService editorial, ArticleForms forms, SectionService sections, PreviewLinks previewLinks,
            ArticleService articles, RelatedExclusions exclusions) {
        this.exclusions = exclusions;
        this.editorial = editorial;
        this.articles = articles;
        this.forms = forms;
        this.sections = sections;
        this.previewLinks = previewLinks;
    }

    public FormPage blank(NewsroomUser user) {
        ArticleForm form = new ArticleForm();
        form.bylines = user.displayName();
        return new FormPage(user, form, new FieldErrors(), null, sections.navigation(), null, null, null, List.of(), List.of());
    }

    public FormPage edit(long id, NewsroomUser user, String notice) {
        EditableArticle article = editorial.load(id);
        return page(user, forms.fill(article.input(), article.version()), new FieldErrors(), article, notice, null);
    }

    /**
     * The form sent back as typed, with the messages beside its fields. A browser cannot refill a file
     * field, and an image is stored only with its article, so a new one must be chosen again.
     */
    public FormPage withErrors(Long id, ArticleForm form, FieldErrors errors, NewsroomUser user, String problem) {
        if (forms.hasNewImage(form)) {
            errors.add("image", CHOOSE_IMAGE_AGAIN);
        }
        return page(user, form, errors, id == null ? null : editorial.load(id), null, problem);
    }

    public long create(ArticleForm form, Editor editor) {
        EditorialService.Action action = forms.action(form);
        byte[] newImage = forms.newImage(form);
        ArticleInput input = read(form, newImage, action, null);
        return editorial.create(input, newImage, action, editor);
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
    }

    private static void checkMayOpen(String createdBy, NewsroomUser user) {
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
            String problem) {
        if (article != null) {
            checkMayOpen(article.createdBy(), user);
        }
        String preview = article == null ? null : previewLinks.linkFor(article.id(), Instant.now());
        List<ArticleView.RelatedLink> related = article == null ? List.of()
                : articles.preview(article.id()).map(ArticleView::related).orElse(List.of());
        List<StorySummary> excluded = article == null ? List.of() : exclusions.of(article.id());
        return new FormPage(user, form, errors, article, sections.navigation(), notice, problem, preview, related, excluded);
    }
}
