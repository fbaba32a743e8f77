package media.icaro.news.newsroom.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
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
    private record Submission(ArticleInput input, Action action) {
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
        Submission submission = read(request, editorial.load(id));
        // Versions start at 0, so a missing version never matches and is refused like a stale one.
        long loadedVersion = request.version() == null ? -1 : request.version();
        editorial.update(id, loadedVersion, submission.input(), submission.action(), editor);
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleJson get(long id) {
        return json(articles.findByIdOptional(id).orElseThrow(NotFoundException::new));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleList list(ArticleFilter filter) {
        List<Article> found = articles.findForNewsroom(filter.query(), filter.limit() + 1);
        articles.fetchPinnedRelated(found.stream().map(a -> a.id).toList());
        if (found.size() <= filter.limit()) {
            return new ArticleList(found.stream().map(this::json).toList(), null);
        }
        List<Article> page = found.subList(0, filter.limit());
        return new ArticleList(page.stream().map(this::json).toList(), ChangeCursor.after(page.get(page.size() - 1)).encode());
    }

    private ArticleJson json(Article article) {
        return ArticleJson.of(article, article.publishedAt == null ? null : permalinks.of(article));
    }

    /**
     * Reads what the client sent; on any error, the editorial service's checks run too, so that the
     * answer lists every wrong field. {@code current} is the article a PUT replaces, null for a POST.
     */
    private Submission read(ArticleRequest request, EditableArticle current) {
        ApiErrors.required(request);
        FieldErrors errors = new FieldErrors();
        Action action = action(request.status(), current != null, errors);
        Article.Kind kind = null;
        if (request.kind() != null) {
            kind = WireNames.parse(Article.Kind.class, request.kind()).orElse(null);
            if (kind == null) {
                errors.add("kind", "Use news, opinion or analysis");
            }
        }
        Instant publishedAt = publishedAt(request.publishedAt(), errors);
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
                .build();
        if (!errors.isEmpty()) {
            try {
                editorial.check(input, false, action == null ? Action.SAVE : action, current == null ? null : current.id());
            } catch (FieldErrors.Invalid e) {
                e.errors().messages().forEach(errors::add);
            }
            errors.throwIfAny();
        }
        return new Submission(input, action);
    }

    /** The status a client asks for, as the action that reaches it; none or draft saves without changing the status. */
    private static Action action(String status, boolean replacing, FieldErrors errors) {
        if (status == null) {
            return Action.SAVE;
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

    private static Instant publishedAt(String text, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("publishedAt", "Give an ISO-8601 date and time with an offset, such as 2024-05-20T09:30:00+02:00");
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
