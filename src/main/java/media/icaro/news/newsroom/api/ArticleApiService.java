package media.icaro.news.newsroom.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleRepository;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService.Action;
import media.icaro.news.article.EditorialService.EditableArticle;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.NewImages;
import media.icaro.news.article.Permalinks;
import media.icaro.news.domain.FieldErrors;

/**
 * What the JSON API does with articles: read a request into an {@link ArticleInput} and an action,
 * reporting every wrong field at once, hand it to the {@link EditorialService}, and answer with the
 * article as saved. A write and its answer share one transaction, so the answer shows exactly what
 * was written, and a refused write leaves nothing behind.
 */
@ApplicationScoped
public class ArticleApiService {

    private static final String NAME_AS_STRING = "Give each name as a string";

    /** What a request asks for, read and ready for the editorial service. */
    private record Submission(ArticleInput input, Action action, Instant goLiveAt) {
    }

    private final EditorialService editorial;
    private final ArticleRepository articles;
    private final Permalinks permalinks;

    ArticleApiService(EditorialService editorial, ArticleRepository articles, Permalinks permalinks) {
        this.editorial = editorial;
        this.articles = articles;
        this.permalinks = permalinks;
    }

    /** Not in a transaction of its own: the editorial service settles clashes with simultaneous writes by trying again. */
    public ArticleJson create(ArticleRequest request, Editor editor) {
        Submission submission = read(request, null);
        long id = editorial.create(submission.input(), submission.action(), editor);
        return get(id);
    }

    /** Replaces the article's fields; the feature image, which the API does not carry, stays, and so do pins not sent. */
    public ArticleJson update(long id, ArticleRequest request, Editor editor) {
        Submission submission = read(request, editorial.standing(id));
        // Versions start at 0, so a missing version never matches and is refused like a stale one.
        long loadedVersion = request.version() == null ? -1 : request.version();
        editorial.update(id, loadedVersion, submission.input(), NewImages.NONE, submission.action(), submission.goLiveAt(), editor);
        return get(id);
    }

    /** A published article's working copy, as its JSON shows it; not found when it has none. */
    public ArticleJson.WorkingCopyJson workingCopy(long id) {
        EditorialService.PendingChange pending = editorial.standing(id).pending();
        if (pending == null) {
            throw new NotFoundException("This article has no working copy");
        }
        return workingCopyJson(pending);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleJson get(long id) {
        Article article = articles.findByIdOptional(id).orElseThrow(NotFoundException::new);
        return json(article, editorial.pending(List.of(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleList list(ArticleFilter filter) {
        List<Article> found = articles.findForNewsroom(filter.query(), filter.limit() + 1);
        List<Long> ids = found.stream().map(a -> a.id).toList();
        articles.fetchPinnedRelated(ids);
        Map<Long, EditorialService.PendingChange> pending = editorial.pending(ids);
        if (found.size() <= filter.limit()) {
            return new ArticleList(found.stream().map(a -> json(a, pending)).toList(), null);
        }
        List<Article> page = found.subList(0, filter.limit());
        return new ArticleList(page.stream().map(a -> json(a, pending)).toList(),
                ChangeCursor.after(page.get(page.size() - 1)).encode());
    }

    private ArticleJson json(Article article, Map<Long, EditorialService.PendingChange> pending) {
        EditorialService.PendingChange copy = pending.get(article.id);
        return ArticleJson.of(article, article.publishedAt == null ? null : permalinks.of(article),
                copy == null ? null : workingCopyJson(copy));
    }

    private static ArticleJson.WorkingCopyJson workingCopyJson(EditorialService.PendingChange pending) {
        ArticleInput c = pending.input();
        String disclaimer = switch (c.disclaimerMode()) {
            case SITE_DEFAULT -> null;
            case CUSTOM -> c.disclaimerText();
            case NONE -> ArticleJson.NO_DISCLAIMER;
        };
        ArticleRequest content = new ArticleRequest(c.headline(), c.slug(), c.standfirst(), c.body(), c.section(), c.tags(),
                c.bylines(), WireNames.of(c.kind()), null,
                c.publishedAt() == null ? null : c.publishedAt().atOffset(ZoneOffset.UTC).toString(), disclaimer, c.source(),
                c.pinnedRelated(), null, c.seoTitle(), c.seoDescription(), null);
        return new ArticleJson.WorkingCopyJson(pending.savedAt(), pending.savedBy(), pending.goLiveAt(), content);
    }

    /**
     * Reads what the client sent; on any error, the editorial service's checks run too, so that the
     * answer lists every wrong field. {@code current} is the article a PUT replaces, null for a POST.
     */
    private Submission read(ArticleRequest request, EditableArticle current) {
        ApiErrors.required(request);
        FieldErrors errors = new FieldErrors();
        Action action = action(request.status(), current, errors);
        Instant goLiveAt = dateTime("goLiveAt", request.goLiveAt(), errors);
        Article.Kind kind = null;
        if (request.kind() != null) {
            kind = WireNames.parse(Article.Kind.class, request.kind()).orElse(null);
            if (kind == null) {
                errors.add("kind", "Use news, opinion or analysis");
            }
        }
        Instant publishedAt = dateTime("publishedAt", request.publishedAt(), errors);
        List<String> tags = strings("tags", request.tags(), NAME_AS_STRING, errors);
        List<String> bylines = strings("bylines", request.bylines(), NAME_AS_STRING, errors);
        Article.DisclaimerMode disclaimerMode;
        if (request.disclaimer() == null) {
            disclaimerMode = Article.DisclaimerMode.SITE_DEFAULT;
        } else if (request.disclaimer().equals(ArticleJson.NO_DISCLAIMER)) {
            disclaimerMode = Article.DisclaimerMode.NONE;
        } else {
            disclaimerMode = Article.DisclaimerMode.CUSTOM;
        }
        // What the API does not carry (the feature image), and pins a request leaves out, stay as they are.
        ArticleInput.Builder fields = current == null ? ArticleInput.builder() : current.input().toBuilder();
        if (request.pinnedRelated() != null) {
            fields.pinnedRelated(strings("pinnedRelated", request.pinnedRelated(), "Give each story as an id, slug or address", errors));
        }
        ArticleInput input = fields.headline(request.headline()).slug(request.slug()).standfirst(request.standfirst())
                .body(request.body()).section(request.section()).kind(kind).publishedAt(publishedAt).bylines(bylines)
                .tags(tags).disclaimerMode(disclaimerMode).disclaimerText(request.disclaimer()).source(request.source())
                .seoTitle(request.seoTitle()).seoDescription(request.seoDescription()).build();
        if (!errors.isEmpty()) {
            try {
                editorial.check(input, false, action == null ? Action.SAVE : action, current == null ? null : current.id());
            } catch (FieldErrors.Invalid e) {
                e.errors().messages().forEach(errors::add);
            }
            errors.throwIfAny();
        }
        return new Submission(input, action, goLiveAt);
    }

    /**
     * The status a client asks for, as the action that reaches it. None keeps the status: on a published
     * article that is putting the change live, as it always was; draft there makes a working copy instead.
     */
    private static Action action(String status, EditableArticle current, FieldErrors errors) {
        boolean replacing = current != null;
        if (status == null) {
            return replacing && current.isLive() ? Action.PUBLISH : Action.SAVE;
        }
        Action action = switch (status) {
            case "draft" -> Action.SAVE;
            case "published" -> Action.PUBLISH;
            case "scheduled" -> Action.SCHEDULE;
            case "unpublished" -> replacing ? Action.UNPUBLISH : null;
            default -> null;
        };
        if (action == null) {
            errors.add("status", replacing ? "Use draft, scheduled, published or unpublished" : "Use draft, scheduled or published");
        }
        return action;
    }

    private static Instant dateTime(String field, String text, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "Give an ISO-8601 date and time with an offset, such as 2024-05-20T09:30:00+02:00");
            return null;
        }
    }

    /** A list of strings such as tag names; JSON nulls among them are refused rather than dropped. */
    private static List<String> strings(String field, List<String> values, String nullMessage, FieldErrors errors) {
        if (values == null) {
            return List.of();
        }
        if (values.contains(null)) {
            errors.add(field, nullMessage);
        }
        return values.stream().filter(Objects::nonNull).toList();
    }
}
