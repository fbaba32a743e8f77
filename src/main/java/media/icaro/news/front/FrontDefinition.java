package media.icaro.news.front;

import java.util.List;

import media.icaro.news.section.SectionView;

/**
 * What a front is made of. The front page ("home") has a lead, the top stories and a block for each
 * section in navigation order; a section's page (named by the section's slug) has a lead.
 *
 * @param section the section whose page it is; null for the front page
 */
public record FrontDefinition(String name, String title, String url, SectionView section, List<Block> blocks) {

    public List<Slot> slots() {
        return blocks.stream().flatMap(block -> block.slots().stream()).toList();
    }

    public Block block(String blockName) {
        return blocks.stream().filter(b -> b.name().equals(blockName)).findFirst().orElse(null);
    }
}
