package media.icaro.news.article;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

import media.icaro.news.article.Article.Status;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    /** Live: published, and not dated in the future. The one definition, in HQL and in SQL. */
    private static final String LIVE = "a.status = :published and a.publishedAt <= :now";
    private static final String LIVE_SQL = "a.status = 'PUBLISHED' and a.published_at <= :now";
    /**
     * A story's last change for readers: its "Updated" time, or its publication. Not its last save,
     * which a typo fix or loading the demo content also moves.
     */
    private static final String LAST_CHANGE = "coalesce(a.updatedAt, a.publishedAt)";

    /** Any status: the caller decides who may see it. With its feature image's record, for its size and versions. */
    public Optional<Article> findBySlugWithSection(String slug) {
        return find("from Article a join fetch a.section left join fetch a.image where a.slug = ?1", slug).firstResultOptional();
    }

    /** Articles saved before summaries were kept (see {@link BodySummaries}), a batch at a time. */
    public List<Article> findWithoutBodySummary(int limit) {
        return find("bodySummary is null").page(0, limit).list();
    }

    /** Who created the article, whatever its status; empty when there is no such article. */
    public Optional<String> findCreatorById(long id) {
        return getEntityManager().createQuery("select a.createdBy from Article a where a.id = ?1", String.class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    /** Any status, with their sections, in no particular order. */
    public List<Article> listByIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("from Article a join fetch a.section where a.id in ?1", ids);
    }

    /** Published (live or dated ahead) and scheduled articles, latest publication first, of one section or all. */
    public List<Article> listPublishedOrScheduled(Long sectionId, int limit) {
        Parameters params = Parameters.with("statuses", List.of(Status.PUBLISHED, Status.SCHEDULED));
        String where = "a.status in :statuses";
        if (sectionId != null) {
            where += " and s.id = :section";
            params.and("section", sectionId);
        }
        return find("from Article a join fetch a.section s where " + where + " order by a.publishedAt desc, a.id desc", params)
                .page(0, limit).list();
    }

    /** Any status, with their sections, in no particular order. */
    public List<Article> listBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("from Article a join fetch a.section where a.slug in ?1", slugs);
    }

    /** Rows of (slug, id) of the articles with these slugs, whatever their status. */
    public List<Object[]> idsBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of()
                : getEntityManager().createQuery("select a.slug, a.id from Article a where a.slug in :slugs", Object[].class)
                        .setParameter("slugs", slugs).getResultList();
    }

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    /**
     * One page of live articles, newest first, within a scope, seeking from a cursor.
     * With {@code newerThan}, it reads upwards from the cursor (oldest first) so the caller can
     * build a "Newer" page; the caller reverses it.
     */
    public List<Article> listLive(ListingScope scope, PageCursor cursor, boolean newerThan, int limit, Instant now) {
        Parameters params = Parameters.with("published", Status.PUBLISHED).and("now", now);
        String where = liveWithin(scope, cursor, newerThan, params);
        return find("from Article a join fetch a.section s left join fetch a.image where " + where + order(scope, newerThan), params)
                .page(0, limit).list();
    }

    /**
     * What a listing shows of the same page as {@link #listLive}, without the bodies: a listing deep in
     * an archive reads (and the database may sort) only these columns.
     */
    public List<CardRow> listLiveCards(ListingScope scope, PageCursor cursor, boolean newerThan, int limit, Instant now) {
        Parameters params = Parameters.with("published", Status.PUBLISHED).and("now", now);
        String where = liveWithin(scope, cursor, newerThan, params);
        var query = getEntityManager().createQuery(CARD_SELECT + " where " + where + order(scope, newerThan), CardRow.class);
        params.map().forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    private static final String CARD_SELECT = "select new " + CardRow.class.getName()
            + "(a.id, a.headline, a.standfirst, a.slug, s.slug, s.name, a.publishedAt, a.kind,"
            + " a.imageId, a.imageAlt, i.width, i.height, i.renditionWidths, i.contentType) from Article a join a.section s"
            + " left join a.image i";

    /** The columns of a story that a card shows: its feature image's too, so that thumbnails cost no query of their own. */
    public record CardRow(long id, String headline, String standfirst, String slug, String sectionSlug, String sectionName,
            Instant publishedAt, Article.Kind kind, Long imageId, String imageAlt, Integer imageWidth, Integer imageHeight,
            String renditionWidths, String imageType) {
    }

    private static String liveWithin(ListingScope scope, PageCursor cursor, boolean newerThan, Parameters params) {
        StringBuilder q = new StringBuilder(LIVE);
        if (scope.sectionId() != null) {
            q.append(" and s.id = :section");
            params.and("section", scope.sectionId());
        }
        // A tag's or author's stories are found through the join table's index, then sorted: walking
        // every live story newest first and testing each would read most of the archive for a rare tag.
        if (scope.tagId() != null) {
            q.append(" and a.id in (select ta.id from Article ta join ta.tags t where t.id = :tag)");
            params.and("tag", scope.tagId());
        }
        if (scope.authorId() != null) {
            q.append(" and a.id in (select ba.id from Article ba join ba.bylines b where b.id = :author)");
            params.and("author", scope.authorId());
        }
        if (cursor != null) {
            q.append(newerThan
                    ? " and (a.publishedAt > :at or (a.publishedAt = :at and a.id > :id))"
                    : " and (a.publishedAt < :at or (a.publishedAt = :at and a.id < :id))");
            params.and("at", cursor.publishedAt()).and("id", cursor.id());
        }
        return q.toString();
    }

    /**
     * Newest first (oldest first for a "Newer" page). The columns the query holds equal come first, so
     * that H2 walks the listing indexes in order instead of sorting every live story (migration V9).
     */
    private static String order(ListingScope scope, boolean newerThan) {
        if (scope.tagId() != null || scope.authorId() != null) {
            return newerThan ? " order by a.publishedAt asc, a.id asc" : " order by a.publishedAt desc, a.id desc";
        }
        String equal = scope.sectionId() != null ? "s.id, a.status, " : "a.status, ";
        return newerThan ? " order by " + equal + "a.publishedAt asc, a.id asc"
                : " order by " + equal + "a.publishedAt desc, a.id desc";
    }

    /** What cards show of these stories, those of them that are live, newest first. */
    public List<CardRow> liveCardsByIds(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(CARD_SELECT + " where a.id in :ids and " + LIVE
                + " order by a.publishedAt desc, a.id desc", CardRow.class)
                .setParameter("ids", ids).setParameter("published", Status.PUBLISHED).setParameter("now", now)
                .getResultList();
    }

    /**
     * The newest live stories of each of these sections, {@code perSection} at most each: one statement
     * of one indexed, limited branch per section (a window over every live story reads them all), then
     * what their cards show.
     */
    @SuppressWarnings("unchecked")
    public List<CardRow> newestLivePerSection(List<Long> sectionIds, int perSection, Instant now) {
        if (sectionIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < sectionIds.size(); i++) {
            sql.append(i == 0 ? "" : " union all ").append("(select a.id from article a where a.section_id = :s").append(i)
                    .append(" and ").append(LIVE_SQL)
                    .append(" order by a.section_id, a.status, a.published_at desc, a.id desc fetch first :per rows only)");
        }
        var query = getEntityManager().createNativeQuery(sql.toString()).unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.LONG)
                .setParameter("now", now)
                .setParameter("per", perSection);
        for (int i = 0; i < sectionIds.size(); i++) {
            query.setParameter("s" + i, sectionIds.get(i));
        }
        return liveCardsByIds(query.getResultList(), now);
    }

    /** Rows of (article id, excluded story id): every story an editor keeps out of an article's Related block. */
    @SuppressWarnings("unchecked")
    public List<Object[]> relatedExclusionRows() {
        return getEntityManager().createNativeQuery("SELECT article_id, excluded_id FROM article_related_exclusion")
                .unwrap(NativeQuery.class).addScalar("article_id", StandardBasicTypes.LONG)
                .addScalar("excluded_id", StandardBasicTypes.LONG).getResultList();
    }

    /** The stories kept out of this article's Related block, in the order they were excluded. */
    @SuppressWarnings("unchecked")
    public List<Long> relatedExclusions(long articleId) {
        return getEntityManager().createNativeQuery("SELECT excluded_id FROM article_related_exclusion WHERE article_id = ?1"
                + " ORDER BY excluded_at, excluded_id").unwrap(NativeQuery.class).addScalar("excluded_id", StandardBasicTypes.LONG)
                .setParameter(1, articleId).getResultList();
    }

    /** Keeps a story out of an article's Related block; false when it already was. */
    public boolean excludeRelated(long articleId, long storyId, Instant at, String by) {
        if (relatedExclusions(articleId).contains(storyId)) {
            return false;
        }
        getEntityManager().createNativeQuery("INSERT INTO article_related_exclusion (article_id, excluded_id, excluded_at, excluded_by)"
                + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, articleId).setParameter(2, storyId).setParameter(3, at)
                .setParameter(4, by).executeUpdate();
        return true;
    }

    /** Lets a story back into an article's Related block; false when it was not kept out. */
    public boolean includeRelated(long articleId, long storyId) {
        return getEntityManager().createNativeQuery("DELETE FROM article_related_exclusion WHERE article_id = ?1 AND excluded_id = ?2")
                .setParameter(1, articleId).setParameter(2, storyId).executeUpdate() > 0;
    }

    /** Whether a live article shows this feature image. */
    public boolean showsImageLive(long imageId, Instant now) {
        return count("from Article a where (a.imageId = :image or a.socialImageId = :image) and " + LIVE,
                Parameters.with("image", imageId).and("published", Status.PUBLISHED).and("now", now)) > 0;
    }

    /** Whether an article this user created shows this feature image, whatever its status. */
    public boolean showsImageBy(long imageId, String createdBy) {
        return count("(imageId = ?1 or socialImageId = ?1) and createdBy = ?2", imageId, createdBy) > 0;
    }

    /** Rows of (article id, section id, section name, published-at) for every live article. */
    public List<Object[]> liveStoryRows(Instant now) {
        return liveRows("select a.id, s.id, s.name, a.publishedAt from Article a join a.section s where " + LIVE, now);
    }

    /** Rows of (article id, tag id, tag name) for every live article. */
    public List<Object[]> liveTagRows(Instant now) {
        return liveRows("select a.id, t.id, t.name from Article a join a.tags t where " + LIVE, now);
    }

    /** Rows of (article id, tag name) for every article, whatever its status: what the search index holds of tags. */
    public List<Object[]> tagNameRows() {
        return getEntityManager().createQuery("select a.id, t.name from Article a join a.tags t", Object[].class).getResultList();
    }

    /** Rows of (article id, author name) for every article, whatever its status. */
    public List<Object[]> bylineNameRows() {
        return getEntityManager().createQuery("select a.id, b.name from Article a join a.bylines b", Object[].class).getResultList();
    }

    /** Every article, whatever its status, with its section. */
    public List<Article> listAllWithSection() {
        return find("from Article a join fetch a.section").list();
    }

    /** When any article last changed, null for none. */
    public Instant lastModified() {
        return getEntityManager().createQuery("select max(a.modifiedAt) from Article a", Instant.class).getSingleResult();
    }

    /** Ids of the articles changed at or after {@code since}, oldest change first. */
    public List<Long> idsChangedSince(Instant since) {
        return getEntityManager()
                .createQuery("select a.id from Article a where a.modifiedAt >= ?1 order by a.modifiedAt", Long.class)
                .setParameter(1, since).getResultList();
    }

    public List<Article> listInSection(long sectionId) {
        return list("section.id", sectionId);
    }

    /** Scheduled articles whose time has come. */
    public List<Article> listDue(Instant now) {
        return list("status = ?1 and publishedAt <= ?2", Status.SCHEDULED, now);
    }

    /**
     * One page of the newsroom's list, in the query's order (reversed when it reads backwards), with
     * sections, tags and bylines: the page's ids first, through the sort's index, then their rows.
     */
    public List<Article> findForNewsroom(NewsroomQuery query, int limit) {
        List<Long> ids = newsroomIds(query, limit);
        Map<Long, Article> byId = new HashMap<>();
        listByIds(ids).forEach(a -> byId.put(a.id, a));
        fetchTagsAndBylines(ids);
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<Long> newsroomIds(NewsroomQuery query, int limit) {
        StringBuilder q = new StringBuilder("select a.id from Article a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        // The one filter that is an equality on an indexed column also leads the order, so that H2 walks
        // that index in order (V18) instead of sorting every match; it changes nothing in the order itself.
        // (Checked with EXPLAIN on H2 2.4: each order below reads "index sorted", backwards too.)
        String leading = null;
        if (query.createdBy() != null) {
            q.append(" and a.createdBy = :createdBy");
            params.put("createdBy", query.createdBy());
            leading = "a.createdBy";
        }
        if (query.section() != null) {
            Optional<Long> section = getEntityManager().createQuery("select s.id from Section s where s.slug = :slug", Long.class)
                    .setParameter("slug", query.section()).getResultStream().findFirst();
            if (section.isEmpty()) {
                return List.of();
            }
            q.append(" and a.section.id = :section");
            params.put("section", section.get());
            leading = leading == null ? "a.section.id" : leading;
        }
        if (query.status() != null) {
            q.append(" and a.status = :status");
            params.put("status", query.status());
            leading = leading == null ? "a.status" : leading;
        }
        if (query.authorId() != null) {
            q.append(" and a.id in (select ba.id from Article ba join ba.bylines b where b.id = :author)");
            params.put("author", query.authorId());
        }
        if (query.headline() != null) {
            String headline = "lower(a.headline) like :headline escape '!'";
            params.put("headline", "%" + query.headline().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            if (query.matching() != null && !query.matching().isEmpty()) {
                q.append(" and (a.id in :matching or ").append(headline).append(")");
                params.put("matching", query.matching());
            } else {
                q.append(" and ").append(headline);
            }
        }
        NewsroomCursor cursor = query.cursor();
        boolean back = query.backwards();
        if (cursor != null) {
            q.append(" and ").append(after(query.sort(), cursor, back));
            params.put("id", cursor.id());
            if (cursor.sort() == NewsroomSort.HEADLINE) {
                params.put("value", cursor.headline());
            } else if (cursor.at() != null) {
                params.put("value", cursor.at());
            }
        }
        String dir = back ? " asc" : " desc";
        q.append(" order by ").append(switch (query.sort()) {
            case CHANGED -> (leading == null ? "" : leading + dir + ", ") + "a.modifiedAt" + dir + ", a.id" + dir;
            // By status, H2 walks article_live_newest_ix (V9).
            case PUBLISHED -> (query.status() == null ? "" : "a.status" + dir + ", ")
                    + (back ? "a.publishedAt asc nulls first, a.id asc" : "a.publishedAt desc nulls last, a.id desc");
            case HEADLINE -> back ? "a.headline desc, a.id desc" : "a.headline asc, a.id asc";
        });
        var ids = getEntityManager().createQuery(q.toString(), Long.class);
        params.forEach(ids::setParameter);
        return ids.setMaxResults(limit).getResultList();
    }

    /**
     * The rows after the cursor in the list's order (before it, reading {@code back}): later in the
     * order by the sort's value, or equal to it with a later id. Articles never published come after
     * every published one, in the publication order.
     */
    private static String after(NewsroomSort sort, NewsroomCursor cursor, boolean back) {
        String later = back ? ">" : "<";
        return switch (sort) {
            case CHANGED -> "(a.modifiedAt " + later + " :value or (a.modifiedAt = :value and a.id " + later + " :id))";
            case HEADLINE -> back ? "(a.headline < :value or (a.headline = :value and a.id < :id))"
                    : "(a.headline > :value or (a.headline = :value and a.id > :id))";
            case PUBLISHED -> cursor.at() == null
                    ? (back ? "(a.publishedAt is not null or a.id > :id)" : "(a.publishedAt is null and a.id < :id)")
                    : back ? "(a.publishedAt > :value or (a.publishedAt = :value and a.id > :id))"
                            : "(a.publishedAt < :value or (a.publishedAt = :value and a.id < :id) or a.publishedAt is null)";
        };
    }

    /** Names of the tags of these articles, by article, each list in alphabetical order. */
    public Map<Long, List<String>> tagNamesOf(List<Long> ids) {
        return namesByArticle("select a.id, t.name from Article a join a.tags t where a.id in :ids order by t.name", ids);
    }

    /** Names of the bylines of these articles, by article, each list in byline order. */
    public Map<Long, List<String>> bylineNamesOf(List<Long> ids) {
        return namesByArticle("select a.id, b.name from Article a join a.bylines b where a.id in :ids order by index(b)", ids);
    }

    /** Loads the pinned related stories of these articles in one query rather than one per article. */
    public void fetchPinnedRelated(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createQuery("select distinct a from Article a left join fetch a.pinnedRelated where a.id in :ids",
                Article.class).setParameter("ids", ids).getResultList();
    }

    /** Loads the tags and bylines of these articles in two queries rather than two per article. */
    public void fetchTagsAndBylines(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createQuery("select distinct a from Article a left join fetch a.tags where a.id in :ids", Article.class)
                .setParameter("ids", ids).getResultList();
        getEntityManager().createQuery("select distinct a from Article a left join fetch a.bylines where a.id in :ids", Article.class)
                .setParameter("ids", ids).getResultList();
    }

    private Map<Long, List<String>> namesByArticle(String query, List<Long> ids) {
        Map<Long, List<String>> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] row : getEntityManager().createQuery(query, Object[].class).setParameter("ids", ids).getResultList()) {
            names.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return names;
    }

    /**
     * One row per month that has live stories: (year, month, latest change for readers), newest month
     * first. Native, because only SQL can say which month a moment falls in within a time zone;
     * {@code AT TIME ZONE} and {@code EXTRACT} read the same on H2 and PostgreSQL.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> liveMonthRows(ZoneId zone, Instant now) {
        return getEntityManager().createNativeQuery("""
                select m.yr, m.mo, max(m.changed_at) as lastmod
                from (select extract(year from a.published_at at time zone :zone) as yr,
                             extract(month from a.published_at at time zone :zone) as mo,
                             coalesce(a.updated_at, a.published_at) as changed_at
                      from article a
                      where %s) m
                group by m.yr, m.mo
                order by m.yr desc, m.mo desc""".formatted(LIVE_SQL)).unwrap(NativeQuery.class)
                .addScalar("yr", StandardBasicTypes.INTEGER)
                .addScalar("mo", StandardBasicTypes.INTEGER)
                .addScalar("lastmod", StandardBasicTypes.INSTANT)
                .setParameter("zone", zone.getId())
                .setParameter("now", now)
                .getResultList();
    }

    /** Rows of (slug, section slug, published-at, last change for readers) of live stories published in [from, to), newest first. */
    public List<Object[]> livePublishedBetween(Instant from, Instant to, Instant now, int max) {
        return getEntityManager().createQuery("select a.slug, s.slug, a.publishedAt, " + LAST_CHANGE
                + " from Article a join a.section s where " + LIVE
                + " and a.publishedAt >= :from and a.publishedAt < :to order by a.publishedAt desc, a.id desc", Object[].class)
                .setParameter("published", Status.PUBLISHED).setParameter("now", now)
                .setParameter("from", from).setParameter("to", to)
                .setMaxResults(max).getResultList();
    }

    /** Each section's latest change for readers among its live stories, by section id. */
    public Map<Long, Instant> lastChangeBySection(Instant now) {
        Map<Long, Instant> bySection = new HashMap<>();
        for (Object[] row : liveRows("select a.section.id, max(" + LAST_CHANGE + ") from Article a where " + LIVE
                + " group by a.section.id", now)) {
            bySection.put((Long) row[0], (Instant) row[1]);
        }
        return bySection;
    }

    /** Rows of (slug, section slug, published-at, headline) of live stories published since then, newest first. */
    public List<Object[]> livePublishedSince(Instant since, Instant now, int max) {
        return getEntityManager().createQuery("select a.slug, s.slug, a.publishedAt, a.headline"
                + " from Article a join a.section s where " + LIVE
                + " and a.publishedAt >= :since order by a.publishedAt desc, a.id desc", Object[].class)
                .setParameter("published", Status.PUBLISHED).setParameter("now", now).setParameter("since", since)
                .setMaxResults(max).getResultList();
    }

    private List<Object[]> liveRows(String query, Instant now) {
        return getEntityManager().createQuery(query, Object[].class)
                .setParameter("published", Status.PUBLISHED).setParameter("now", now)
                .getResultList();
    }
}
