package media.icaro.news.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.article.ArticleCard;
import media.icaro.news.front.Block;
import media.icaro.news.front.FrontDefinition;
import media.icaro.news.front.FrontService;
import media.icaro.news.front.Slot;

/** The front page as its front is programmed: the lead, the top stories, then a block per section. */
@ApplicationScoped
public class FrontPageService {

    private final FrontService fronts;

    FrontPageService(FrontService fronts) {
        this.fronts = fronts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FrontPage build() {
        FrontDefinition home = fronts.definition(FrontService.HOME).orElseThrow();
        Map<Slot, ArticleCard> filled = fronts.fill(home);
        List<Block> blocks = home.blocks();
        ArticleCard lead = filled.get(blocks.get(0).slots().get(0));
        List<ArticleCard> top = stories(blocks.get(1), filled);
        List<FrontPage.SectionBlock> sections = new ArrayList<>();
        for (Block block : blocks.subList(2, blocks.size())) {
            List<ArticleCard> stories = stories(block, filled);
            if (!stories.isEmpty()) {
                sections.add(new FrontPage.SectionBlock(block.section(), stories));
            }
        }
        return new FrontPage(lead, top, sections);
    }

    private static List<ArticleCard> stories(Block block, Map<Slot, ArticleCard> filled) {
        return block.slots().stream().map(filled::get).filter(card -> card != null).toList();
    }
}
