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

/** Reads what the index needs from the database: all live articles in three queries, or one article. */
@ApplicationScoped
class IndexSource {

    /** What the database says the index should reflect. */
    record Fingerprint(long liveCount, Instant latestModification) {
    }

    /** One article's state for the index: its document when live, else empty. */
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
    Fingerprint fingerprint(Instant now) {
        return new Fingerprint(articles.countLive(now), articles.lastModified());
    }

    @Transactional
    List<SearchDocument> allLive(Instant now) {
        Map<Long, List<String>> tags = byArticle(articles.liveTagNameRows(now));
        Map<Long, List<String>> bylines = byArticle(articles.liveBylineRows(now));
        List<SearchDocument> documents = new ArrayList<>();
        for (Article a : articles.listAllLive(now)) {
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
    Optional<Change> change(long id, Instant now) {
        return articles.findByIdOptional(id).map(a -> change(a, now));
    }

    private Change change(Article a, Instant now) {
        return new Change(a.id,
                a.isLive(now)
                        ? Optional.of(document(a, a.tags.stream().map(t -> t.name).toList(), a.bylines.stream().map(b -> b.name).toList()))
                        : Optional.empty(),
                a.modifiedAt);
    }

    /** Every article of a section, as changes to apply: live ones indexed again, others dropped. */
    @Transactional
    List<Change> inSection(long sectionId, Instant now) {
        return articles.listInSection(sectionId).stream().map(a -> change(a, now)).toList();
    }

    /** Articles changed after {@code since}: what another instance may have written. */
    @Transactional
    List<Long> changedSince(Instant since) {
        return articles.idsChangedSince(since);
    }

    private SearchDocument document(Article a, List<String> tags, List<String> bylines) {
        return new SearchDocument(a.id, a.headline, a.standfirst, bodyRenderer.plainText(a.bodyMarkdown), tags, bylines,
                a.section.slug, a.section.name, permalinks.of(a), a.publishedAt, a.modifiedAt);
    }
}
