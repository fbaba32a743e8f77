package media.icaro.news.front;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A programmed front: who set it last and its version, which a save must name to replace it. */
@Entity
public class Front {

    @Id
    @Column(length = 80)
    public String name;

    /** The section whose page this is; null for the front page. */
    @Column(name = "section_id")
    public Long sectionId;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;
}
