package media.icaro.news.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleRepository;
import media.icaro.news.article.BodyRenderer;
import media.icaro.news.article.Permalinks;

/**
 * Reads what the index needs from the database: every article, whatever its status, in three queries,
 * or one article. Readers' queries filter to live ones; the newsroom searches them all.
 */
@ApplicationScoped
class IndexSource {

    /** What the database says the index should reflect. */
    record Fingerprint(long articleCount, Instant latestModification) {
    }

    /** One article's state for the index: its document, or empty when the article no longer exists. */
    record Change(long id, Optional<SearchDocument> document, Instant modifiedAt) {
    }

    private final ArticleRepository articles;
    private final BodyRenderer bodyRenderer;
    private final Permalinks permalinks;

    IndexSource(ArticleRepository articles, BodyRenderer bodyRenderer, Permalinks permalinks) {
        this.articles = articles;
        this.bodyRenderer = bodyRenderer;
        this.permalinks = permalinks;
    }

    @Transactional
    Fingerprint fingerprint() {
        return new Fingerprint(articles.count(), articles.lastModified());
    }

    @Transactional
    List<SearchDocument> all() {
        Map<Long, List<String>> tags = byArticle(articles.tagNameRows());
        Map<Long, List<String>> bylines = byArticle(articles.bylineNameRows());
        List<SearchDocument> documents = new ArrayList<>();
        for (Article a : articles.listAllWithSection()) {
            documents.add(document(a, tags.getOrDefault(a.id, List.of()), bylines.getOrDefault(a.id, List.of())));
        }
        return documents;
    }

    /** Rows of (article id, name) grouped by article. */
    private static Map<Long, List<String>> byArticle(List<Object[]> rows) {
        Map<Long, List<String>> names = new HashMap<>();
        for (Object[] row : rows) {
            names.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return names;
    }

    @Transactional
    Change change(long id, Instant now) {
        return articles.findByIdOptional(id).map(this::change).orElseGet(() -> new Change(id, Optional.empty(), now));
    }

    private Change change(Article a) {
        return new Change(a.id,
                Optional.of(document(a, a.tags.stream().map(t -> t.name).toList(), a.bylines.stream().map(b -> b.name).toList())),
                a.modifiedAt);
    }

    /** Every article of a section, as changes to apply: each indexed again. */
    @Transactional
    List<Change> inSection(long sectionId) {
        return articles.listInSection(sectionId).stream().map(this::change).toList();
    }

    /** Articles changed after {@code since}: what another instance may have written. */
    @Transactional
    List<Long> changedSince(Instant since) {
        return articles.idsChangedSince(since);
    }

    private SearchDocument document(Article a, List<String> tags, List<String> bylines) {
        return new SearchDocument(a.id, a.headline, a.standfirst, bodyRenderer.plainText(a.bodyMarkdown), tags, bylines,
                a.section.slug, a.section.name, a.publishedAt == null ? null : permalinks.of(a), a.publishedAt, a.modifiedAt,
                a.status == Article.Status.PUBLISHED);
    }
}
