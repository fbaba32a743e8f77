package media.icaro.news.home;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.article.ArticleCard;
import media.icaro.news.article.ArticleService;
import media.icaro.news.article.ListingScope;
import media.icaro.news.section.SectionService;
import media.icaro.news.section.SectionView;

@ApplicationScoped
public class FrontPageService {

    static final int TOP_STORIES = 4;
    static final int PER_SECTION = 4;

    private final ArticleService articles;
    private final SectionService sections;

    FrontPageService(ArticleService articles, SectionService sections) {
        this.articles = articles;
        this.sections = sections;
    }

    /** One query for the newest stories, two for every section's newest; no story shows twice. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FrontPage build() {
        List<ArticleCard> newest = articles.latest(ListingScope.ALL, 1 + TOP_STORIES);
        Set<Long> shown = new HashSet<>();
        newest.forEach(card -> shown.add(card.id()));
        List<SectionView> navigation = sections.navigation();
        Map<String, List<ArticleCard>> bySection = articles.latestPerSection(
                navigation.stream().map(SectionView::id).toList(), PER_SECTION + 1 + TOP_STORIES);
        List<FrontPage.SectionBlock> blocks = new ArrayList<>();
        for (SectionView section : navigation) {
            List<ArticleCard> stories = bySection.getOrDefault(section.slug(), List.of())
                    .stream().filter(card -> !shown.contains(card.id())).limit(PER_SECTION).toList();
            if (!stories.isEmpty()) {
                blocks.add(new FrontPage.SectionBlock(section, stories));
            }
        }
        return new FrontPage(newest.isEmpty() ? null : newest.get(0),
                newest.size() > 1 ? newest.subList(1, newest.size()) : List.of(), blocks);
    }
}
