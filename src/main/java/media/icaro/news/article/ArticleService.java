package media.icaro.news.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import media.icaro.news.article.ArticleView.Byline;
import media.icaro.news.article.ArticleView.CorrectionNote;
import media.icaro.news.article.ArticleView.RelatedLink;
import media.icaro.news.article.ArticleView.TagLink;
import media.icaro.news.author.Author;
import media.icaro.news.media.Picture;
import media.icaro.news.site.SiteConfig;

/** Articles for readers (pages, listings, related stories) and the single way to write one. */
@ApplicationScoped
public class ArticleService {

    public static final int PAGE_SIZE = 20;
    public static final int RELATED_LIMIT = 5;

    /** How many text-similar stories the scorer weighs beside the tag and section candidates. */
    private static final int SIMILAR_CANDIDATES = 20;

    private final ArticleRepository articles;
    private final ArticleAddresses addresses;
    private final RelatedIndex relatedIndex;
    private final TextSimilarity textSimilarity;
    private final Permalinks permalinks;
    private final SiteConfig site;
    private final PinnedStories pins;
    private final WorkingCopies workingCopies;
    private final EditorialService editorial;
    private final TransactionManager transactions;

    ArticleService(ArticleRepository articles, ArticleAddresses addresses, RelatedIndex relatedIndex,
            TextSimilarity textSimilarity, Permalinks permalinks, SiteConfig site, PinnedStories pins,
            WorkingCopies workingCopies, EditorialService editorial, TransactionManager transactions) {
        this.transactions = transactions;
        this.workingCopies = workingCopies;
        this.editorial = editorial;
        this.articles = articles;
        this.addresses = addresses;
        this.relatedIndex = relatedIndex;
        this.textSimilarity = textSimilarity;
        this.permalinks = permalinks;
        this.site = site;
        this.pins = pins;
    }

    /**
     * What answers at an article's address: the page of the live article with this slug, or, when the
     * address is not its own, only the address it lives at, so that a redirect never builds the page.
     */
    public record AtAddress(ArticleView page, String livesAt) {
    }

    /** Empty for unknown or unpublished slugs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AtAddress> findLive(String slug, String path) {
        Instant now = Instant.now();
        return articles.findBySlugWithSection(slug)
                .filter(article -> article.isLive(now))
                .map(article -> {
                    String url = permalinks.of(article);
                    return url.equals(path) ? new AtAddress(view(article, now), url) : new AtAddress(null, url);
                });
    }

    /** The current address of the article that used to live at {@code path}, if one did. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> movedFrom(String path) {
        return addresses.movedFrom(path, Instant.now());
    }

    /**
     * Any article, whatever its status, as its page would show it: for previews. A live article with a
     * working copy shows the working copy, exactly as "Update live" would make the page.
     */
    public Optional<ArticleView> preview(long id) {
        return preview(id, image -> "");
    }

    /**
     * A preview whose feature image's addresses end with what {@code imageQuery} gives for the image's id.
     * A working copy is put on the article in a transaction that is rolled back and never flushed, so that
     * the page is built by the same code as the live one and nothing of it is written.
     */
    public Optional<ArticleView> preview(long id, LongFunction<String> imageQuery) {
        try {
            Transaction outer = transactions.suspend();
            try {
                transactions.begin();
                try {
                    articles.getEntityManager().setFlushMode(FlushModeType.COMMIT);
                    return articles.findByIdOptional(id).map(article -> {
                        workingCopies.of(id).ifPresent(pending -> editorial.showForPreview(article, pending.input()));
                        return view(article, Instant.now(), imageQuery);
                    });
                } finally {
                    transactions.rollback();
                }
            } finally {
                if (outer != null) {
                    transactions.resume(outer);
                }
            }
        } catch (SystemException | NotSupportedException | InvalidTransactionException e) {
            throw new IllegalStateException("A preview could not run in a transaction of its own", e);
        }
    }

    /** Whether readers may see this image: a live article shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isImageLive(long imageId) {
        return articles.showsImageLive(imageId, Instant.now());
    }

    /** Whether an article this user created shows this image. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isImageOfArticleBy(long imageId, String username) {
        return articles.showsImageBy(imageId, username);
    }

    /**
     * A page of live stories, newest first, across the site or within a section, tag or author. {@code before}
     * and {@code after} are cursors from the "Older" and "Newer" links; a malformed one reads as none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing listing(ListingScope scope, String before, String after) {
        return listing(scope, PageCursor.parse(before).orElse(null), PageCursor.parse(after).orElse(null));
    }

    private Listing listing(ListingScope scope, PageCursor before, PageCursor after) {
        Instant now = Instant.now();
        if (after != null) {
            List<ArticleRepository.CardRow> newer = articles.listLiveCards(scope, after, true, PAGE_SIZE + 1, now);
            if (newer.size() > PAGE_SIZE) {
                List<ArticleCard> page = cards(newer.subList(0, PAGE_SIZE));
                Collections.reverse(page);
                return new Listing(page, page.get(page.size() - 1).cursor(), page.get(0).cursor());
            }
            // Reached the newest stories: that is the first page.
            before = null;
        }
        List<ArticleRepository.CardRow> older = articles.listLiveCards(scope, before, false, PAGE_SIZE + 1, now);
        List<ArticleCard> page = cards(older.subList(0, Math.min(PAGE_SIZE, older.size())));
        PageCursor olderCursor = older.size() > PAGE_SIZE ? page.get(page.size() - 1).cursor() : null;
        PageCursor newerCursor = before != null && !page.isEmpty() ? page.get(0).cursor() : null;
        return new Listing(page, olderCursor, newerCursor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleCard> latest(ListingScope scope, int limit) {
        return cards(articles.listLiveCards(scope, null, false, limit, Instant.now()));
    }

    /** The newest live stories of these sections, newest first, by section slug: two queries for them all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<ArticleCard>> latestPerSection(List<Long> sectionIds, int limit) {
        Map<String, List<ArticleCard>> bySection = new LinkedHashMap<>();
        for (ArticleCard card : cards(articles.newestLivePerSection(sectionIds, limit, Instant.now()))) {
            bySection.computeIfAbsent(card.sectionSlug(), slug -> new ArrayList<>()).add(card);
        }
        return bySection;
    }

    /** The cards of those of these stories that are live, by id. One query; none for no ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, ArticleCard> liveCards(Collection<Long> ids) {
        Map<Long, ArticleCard> found = new HashMap<>();
        cards(articles.liveCardsByIds(ids, Instant.now())).forEach(card -> found.put(card.id(), card));
        return found;
    }

    /** The stories that references (an id, a slug or an address) name, whatever their status, by reference. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, StorySummary> findByReference(Collection<String> references) {
        Map<String, StorySummary> found = new HashMap<>();
        pins.find(references).forEach((reference, article) -> found.put(reference, summary(article)));
        return found;
    }

    /** These stories, whatever their status, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, StorySummary> summaries(Collection<Long> ids) {
        Map<Long, StorySummary> found = new HashMap<>();
        articles.listByIds(ids).forEach(article -> found.put(article.id, summary(article)));
        return found;
    }

    /** The newest published and scheduled stories, of one section or (null) all: what an editor picks from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StorySummary> latestForEditors(Long sectionId, int limit) {
        return articles.listPublishedOrScheduled(sectionId, limit).stream().map(this::summary).toList();
    }

    private StorySummary summary(Article article) {
        return new StorySummary(article.id, article.headline, article.section.name, article.status, article.publishedAt,
                article.publishedAt == null ? null : permalinks.of(article));
    }

    /** The cards of those of these stories that are live, in the order given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleCard> liveCardsInOrder(List<Long> ids) {
        Map<Long, ArticleCard> found = liveCards(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The ids of the articles with these slugs, whatever their status, by slug; unknown slugs are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> idsBySlug(Collection<String> slugs) {
        Map<String, Long> ids = new HashMap<>();
        for (Object[] row : articles.idsBySlugs(slugs)) {
            ids.put((String) row[0], (Long) row[1]);
        }
        return ids;
    }

    private ArticleView view(Article article, Instant now) {
        return view(article, now, image -> "");
    }

    private ArticleView view(Article article, Instant now, LongFunction<String> imageQuery) {
        String disclaimer = switch (article.disclaimerMode) {
            case SITE_DEFAULT -> site.defaultDisclaimer();
            case CUSTOM -> article.disclaimerText;
            case NONE -> null;
        };
        return new ArticleView(article.id, article.headline,
                article.title(), article.standfirst,
                article.searchDescription(),
                article.publishedAt == null ? null : permalinks.of(article),
                article.imageId == null ? null : new ArticleView.FeatureImage(
                        Picture.of(article.imageId, article.imageAlt, article.image, imageQuery.apply(article.imageId)),
                        article.imageCaption, article.imageCredit),
                article.section.slug, article.section.name, article.kind,
                article.bylines.stream().map(a -> new Byline(a.slug, a.name, a.type == Author.Type.ORGANISATION)).toList(),
                article.publishedAt, article.updatedAt, article.bodyHtml,
                article.corrections.stream().map(c -> new CorrectionNote(c.correctedAt, c.note)).toList(),
                disclaimer,
                article.tags.stream().map(t -> new TagLink(t.slug, t.name)).sorted(Comparator.comparing(TagLink::name)).toList(),
                related(article, now),
                article.socialImageId == null ? null
                        : Picture.of(article.socialImageId, article.title(), article.socialImage, imageQuery.apply(article.socialImageId)));
    }

    private List<RelatedLink> related(Article article, Instant now) {
        RelatedStories.Story subject = new RelatedStories.Story(article.id, article.section.id, article.section.name,
                article.tags.stream().map(t -> t.id).collect(Collectors.toSet()), article.publishedAt);
        List<Long> pins = article.pinnedRelated.stream().map(a -> a.id).toList();
        List<RelatedStories.Pick> picks = relatedIndex.current().relatedTo(subject, pins, RELATED_LIMIT, now,
                textSimilarity.similarTo(article.id, SIMILAR_CANDIDATES));
        Map<Long, ArticleCard> found = new HashMap<>();
        for (ArticleCard card : cards(articles.liveCardsByIds(picks.stream().map(RelatedStories.Pick::id).toList(), now))) {
            found.put(card.id(), card);
        }
        List<RelatedLink> links = new ArrayList<>();
        for (RelatedStories.Pick pick : picks) {
            ArticleCard card = found.get(pick.id());
            if (card != null) {
                links.add(new RelatedLink(card, pick.reason(), pick.label()));
            }
        }
        return links;
    }

    private List<ArticleCard> cards(List<ArticleRepository.CardRow> rows) {
        List<ArticleCard> cards = new ArrayList<>(rows.size());
        for (ArticleRepository.CardRow r : rows) {
            Picture picture = Picture.of(r.imageId(), r.imageAlt(), r.imageWidth(), r.imageHeight(), r.renditionWidths(),
                    r.imageType(), "");
            cards.add(new ArticleCard(r.id(), r.headline(), r.standfirst(), permalinks.of(r.sectionSlug(), r.publishedAt(), r.slug()),
                    r.sectionSlug(), r.sectionName(), r.publishedAt(), r.kind(), picture != null && picture.isReady() ? picture : null));
        }
        return cards;
    }
}
