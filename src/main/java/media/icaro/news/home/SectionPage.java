package media.icaro.news.home;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import media.icaro.news.article.ArticleCard;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.Listing;
import media.icaro.news.article.ListingScope;
import media.icaro.news.front.FrontDefinition;
import media.icaro.news.front.FrontService;
import media.icaro.news.front.Slot;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;
import media.icaro.news.sitepage.SitePageService;
import media.icaro.news.sitepage.SitePageView;
import media.icaro.news.web.CachedPage;

/**
 * What lives at a first path segment: a section's page, or one of the site's own pages (About...).
 * A section's page: its lead (the story an editor pinned, else the newest), then its stories newest
 * first, paged by keyset cursors ("before" and "after"). Later pages have no lead.
 */
@CachedPage
@Path("/{section: [a-z0-9-]+}")
@Produces(MediaType.TEXT_HTML)
public class SectionPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(SectionView section, ArticleCard lead, Listing listing);

        static native TemplateInstance sitePage(SitePageView page);
    }

    private final ArticleService articles;
    private final SectionService sections;
    private final FrontService fronts;
    private final SitePageService sitePages;

    SectionPage(ArticleService articles, SectionService sections, FrontService fronts, SitePageService sitePages) {
        this.articles = articles;
        this.sections = sections;
        this.fronts = fronts;
        this.sitePages = sitePages;
    }

    @GET
    public TemplateInstance get(@PathParam("section") String slug, @QueryParam("before") String before,
            @QueryParam("after") String after) {
        SectionView section = sections.findBySlug(slug).orElse(null);
        if (section == null) {
            return Templates.sitePage(sitePages.findPublished(slug).orElseThrow(NotFoundException::new));
        }
        Listing listing = articles.listing(ListingScope.section(section.id()), before, after);
        ArticleCard lead = null;
        if (listing.newer() == null) {
            // Nothing set: the newest story leads, and filling the front would only find it again.
            FrontDefinition front = fronts.definition(slug).orElseThrow(NotFoundException::new);
            Map<Slot, ArticleCard> filled = fronts.settings(slug).isEmpty() ? Map.of() : fronts.fill(front);
            lead = filled.isEmpty() ? listing.stories().stream().findFirst().orElse(null) : filled.values().iterator().next();
            if (lead != null) {
                listing = listing.without(lead.id());
            }
        }
        return Templates.section(section, lead, listing);
    }
}
