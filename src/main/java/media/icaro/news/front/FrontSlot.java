package media.icaro.news.front;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One slot an editor set: pinned to a story, or filled from a section or a tag instead of the block's own. */
@Entity
@Table(name = "front_slot")
public class FrontSlot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "front_name", nullable = false, length = 80)
    public String frontName;

    @Column(nullable = false, length = 100)
    public String block;

    /** 1 first. */
    @Column(name = "slot_number", nullable = false)
    public int number;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "fill_section_id")
    public Long fillSectionId;

    @Column(name = "fill_tag_id")
    public Long fillTagId;
}
