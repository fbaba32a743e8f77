package media.icaro.news.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleRepository;
import media.icaro.news.article.ListingScope;
import media.icaro.news.article.Permalinks;
import media.icaro.news.media.Picture;
import media.icaro.news.section.SectionService;
import media.icaro.news.site.SiteConfig;
import media.icaro.news.tag.TagService;

/**
 * RSS feeds of the site, a section or a tag: the newest live stories, whole, with their feature images.
 * Three queries whatever the feed holds: the stories with their section and image, then the tags and
 * the bylines of all of them.
 */
@ApplicationScoped
public class FeedService {

    static final int ITEMS = 50;
    /** Feed readers show an item's picture at most a column wide. */
    static final int IMAGE_WIDTH = 1024;

    private final ArticleRepository articles;
    private final SectionService sections;
    private final TagService tags;
    private final Permalinks permalinks;
    private final SiteConfig site;

    FeedService(ArticleRepository articles, SectionService sections, TagService tags,
            Permalinks permalinks, SiteConfig site) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.permalinks = permalinks;
        this.site = site;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Feed ofSite() {
        return feed(ListingScope.ALL, site.name(), "", "The latest stories from " + site.name() + ".");
    }

    /** The feed of a section; empty for an unknown one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Feed> ofSection(String slug) {
        return sections.findBySlug(slug).map(section -> feed(ListingScope.section(section.id()),
                section.name() + " | " + site.name(), section.url(),
                section.description() != null ? section.description()
                        : "The latest " + section.name() + " stories from " + site.name() + "."));
    }

    /** The feed of a tag; empty for an unknown one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Feed> ofTag(String slug) {
        return tags.findBySlug(slug).map(tag -> feed(ListingScope.tag(tag.id()), tag.name() + " | " + site.name(),
                "/tag/" + tag.slug(), "Stories about " + tag.name() + " from " + site.name() + "."));
    }

    private Feed.Image image(Article article) {
        Picture picture = Picture.of(article.imageId, article.imageAlt, article.image, "");
        if (picture == null) {
            return null;
        }
        Picture.Version version = picture.upTo(IMAGE_WIDTH);
        return new Feed.Image(site.baseUrl() + version.url(), version.width(), version.height(), version.type(), picture.alt());
    }

    /** @param path the listing page the feed follows, "" for the front page */
    private Feed feed(ListingScope scope, String title, String path, String description) {
        Instant now = Instant.now();
        List<Article> latest = articles.listLive(scope, null, false, ITEMS, now);
        List<Long> ids = latest.stream().map(a -> a.id).toList();
        Map<Long, List<String>> tagNames = articles.tagNamesOf(ids);
        Map<Long, List<String>> creators = articles.bylineNamesOf(ids);
        List<Feed.Item> items = new ArrayList<>(latest.size());
        for (Article a : latest) {
            String link = site.baseUrl() + permalinks.of(a);
            items.add(new Feed.Item(a.headline, link,
                    a.description(),
                    a.publishedAt, a.section.name, tagNames.getOrDefault(a.id, List.of()),
                    creators.getOrDefault(a.id, List.of()), a.bodyHtml, image(a)));
        }
        Instant lastBuild = latest.stream().map(a -> a.modifiedAt).max(Comparator.naturalOrder()).orElse(now);
        return new Feed(title, site.baseUrl() + (path.isEmpty() ? "/" : path), description,
                site.baseUrl() + path + "/feed.xml", lastBuild, items);
    }
}
