package media.icaro.news.home;

import java.util.List;

import media.icaro.news.article.ArticleCard;
import media.icaro.news.section.SectionView;

/** The front page: the lead story, the top stories after it, and the latest of each section. */
public record FrontPage(ArticleCard lead, List<ArticleCard> topStories, List<SectionBlock> sections) {

    public record SectionBlock(SectionView section, List<ArticleCard> stories) {
    }
}
