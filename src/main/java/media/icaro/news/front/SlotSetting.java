package media.icaro.news.front;

/**
 * What an editor set for a slot: the story pinned to it, and where it is filled from when that story
 * is not live (or none is pinned): a section or a tag, or (both null) the block's own stories.
 */
public record SlotSetting(Long articleId, Long fillSectionId, Long fillTagId) {

    static final SlotSetting AUTOMATIC = new SlotSetting(null, null, null);

    boolean isAutomatic() {
        return articleId == null && fillSectionId == null && fillTagId == null;
    }
}
