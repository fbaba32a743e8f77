package media.icaro.news.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import media.icaro.news.article.Article;
import media.icaro.news.article.Permalinks;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;
import media.icaro.news.site.SiteConfig;

/**
 * Sitemaps: an index over one sitemap per month of live stories (by publication month in the site's
 * time zone) and one of the fixed pages, and the Google News sitemap of the last 48 hours.
 */
@ApplicationScoped
public class SitemapService {

    /** The sitemap protocol's limit of URLs per file. */
    static final int MAX_URLS = 50_000;
    /** Google News reads at most this many URLs per news sitemap. */
    private static final int MAX_NEWS = 1_000;
    private static final Duration NEWS_WINDOW = Duration.ofHours(48);

    private static final String LIVE = "a.status = :published and a.publishedAt <= :now";
    /**
     * A story's last change for readers: its "Updated" time, or its publication. Not its last save,
     * which a typo fix or loading the demo content also moves.
     */
    private static final String LASTMOD = "coalesce(a.updatedAt, a.publishedAt)";

    /**
     * One row per month that has live stories: (year, month, latest change for readers). Native, because
     * only SQL can say which month a moment falls in within a time zone; {@code AT TIME ZONE} and
     * {@code EXTRACT} read the same on H2 and PostgreSQL.
     */
    private static final String MONTHS = """
            select m.yr, m.mo, max(m.changed_at) as lastmod
            from (select extract(year from a.published_at at time zone :zone) as yr,
                         extract(month from a.published_at at time zone :zone) as mo,
                         coalesce(a.updated_at, a.published_at) as changed_at
                  from article a
                  where a.status = 'PUBLISHED' and a.published_at <= :now) m
            group by m.yr, m.mo
            order by m.yr desc, m.mo desc""";

    private final EntityManager em;
    private final SectionService sections;
    private final Permalinks permalinks;
    private final SiteConfig site;

    SitemapService(EntityManager em, SectionService sections, Permalinks permalinks, SiteConfig site) {
        this.em = em;
        this.sections = sections;
        this.permalinks = permalinks;
        this.site = site;
    }

    /** The index: the fixed pages' sitemap, then every month's, newest first. One grouped query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SitemapEntry> index() {
        @SuppressWarnings("unchecked")
        List<Object[]> months = em.createNativeQuery(MONTHS).unwrap(NativeQuery.class)
                .addScalar("yr", StandardBasicTypes.INTEGER)
                .addScalar("mo", StandardBasicTypes.INTEGER)
                .addScalar("lastmod", StandardBasicTypes.INSTANT)
                .setParameter("zone", site.timeZone().getId())
                .setParameter("now", Instant.now())
                .getResultList();
        List<SitemapEntry> entries = new ArrayList<>(months.size() + 1);
        Instant newest = null;
        for (Object[] row : months) {
            YearMonth month = YearMonth.of((Integer) row[0], (Integer) row[1]);
            Instant lastmod = (Instant) row[2];
            entries.add(new SitemapEntry(site.baseUrl() + "/sitemaps/" + month + ".xml", lastmod));
            newest = newest == null || lastmod.isAfter(newest) ? lastmod : newest;
        }
        entries.add(0, new SitemapEntry(site.baseUrl() + "/sitemaps/pages.xml", newest));
        return entries;
    }

    /**
     * The live stories published in a month of the site's time zone, newest first, at most
     * {@value #MAX_URLS}; empty for a month without any. A range on published_at, so the listing index serves it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SitemapEntry> month(YearMonth month) {
        ZoneId zone = site.timeZone();
        List<Object[]> rows = em.createQuery("select a.slug, s.slug, a.publishedAt, " + LASTMOD
                + " from Article a join a.section s where " + LIVE
                + " and a.publishedAt >= :from and a.publishedAt < :to order by a.publishedAt desc, a.id desc",
                Object[].class)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", Instant.now())
                .setParameter("from", month.atDay(1).atStartOfDay(zone).toInstant())
                .setParameter("to", month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())
                .setMaxResults(MAX_URLS)
                .getResultList();
        return rows.stream().map(row -> new SitemapEntry(
                site.baseUrl() + permalinks.of((String) row[1], (Instant) row[2], (String) row[0]), (Instant) row[3]))
                .toList();
    }

    /** The front page and the section pages, each last changed when its newest live story last changed for readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SitemapEntry> pages() {
        Map<Long, Instant> bySection = new HashMap<>();
        for (Object[] row : em.createQuery("select a.section.id, max(" + LASTMOD + ") from Article a where " + LIVE
                + " group by a.section.id", Object[].class)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", Instant.now())
                .getResultList()) {
            bySection.put((Long) row[0], (Instant) row[1]);
        }
        List<SitemapEntry> pages = new ArrayList<>();
        pages.add(new SitemapEntry(site.baseUrl() + "/",
                bySection.values().stream().max(Instant::compareTo).orElse(null)));
        for (SectionView section : sections.navigation()) {
            pages.add(new SitemapEntry(site.baseUrl() + section.url(), bySection.get(section.id())));
        }
        return pages;
    }

    /** Live stories published in the last 48 hours, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NewsEntry> news() {
        Instant now = Instant.now();
        List<Object[]> rows = em.createQuery("select a.slug, s.slug, a.publishedAt, a.headline"
                + " from Article a join a.section s where " + LIVE
                + " and a.publishedAt >= :since order by a.publishedAt desc, a.id desc", Object[].class)
                .setParameter("published", Article.Status.PUBLISHED)
                .setParameter("now", now)
                .setParameter("since", now.minus(NEWS_WINDOW))
                .setMaxResults(MAX_NEWS)
                .getResultList();
        return rows.stream().map(row -> new NewsEntry(
                site.baseUrl() + permalinks.of((String) row[1], (Instant) row[2], (String) row[0]),
                (Instant) row[2], (String) row[3]))
                .toList();
    }
}
