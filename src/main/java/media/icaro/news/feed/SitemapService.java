package media.icaro.news.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.article.ArticleRepository;
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

    private final ArticleRepository articles;
    private final SectionService sections;
    private final Permalinks permalinks;
    private final SiteConfig site;

    SitemapService(ArticleRepository articles, SectionService sections, Permalinks permalinks, SiteConfig site) {
        this.articles = articles;
        this.sections = sections;
        this.permalinks = permalinks;
        this.site = site;
    }

    /** The index: the fixed pages' sitemap, then every month's, newest first. One grouped query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SitemapEntry> index() {
        List<Object[]> months = articles.liveMonthRows(site.timeZone(), Instant.now());
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
        List<Object[]> rows = articles.livePublishedBetween(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), Instant.now(), MAX_URLS);
        return rows.stream().map(row -> new SitemapEntry(
                site.baseUrl() + permalinks.of((String) row[1], (Instant) row[2], (String) row[0]), (Instant) row[3]))
                .toList();
    }

    /** The front page and the section pages, each last changed when its newest live story last changed for readers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SitemapEntry> pages() {
        Map<Long, Instant> bySection = articles.lastChangeBySection(Instant.now());
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
        List<Object[]> rows = articles.livePublishedSince(now.minus(NEWS_WINDOW), now, MAX_NEWS);
        return rows.stream().map(row -> new NewsEntry(
                site.baseUrl() + permalinks.of((String) row[1], (Instant) row[2], (String) row[0]),
                (Instant) row[2], (String) row[3]))
                .toList();
    }
}
