package media.icaro.news.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A live article's pending change: what an editor saved without putting it live, kept as the
 * {@link RevisionSnapshot} it would make. Readers never see it; "Update live" (or its time, when
 * {@link #goLiveAt} is set) applies it to the article, "Discard" drops it.
 */
@Entity
@Table(name = "article_working_copy")
public class WorkingCopy {

    @Id
    @Column(name = "article_id")
    public Long articleId;

    @Column(nullable = false, length = 1_000_000)
    public String snapshot;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @Column(name = "saved_by", nullable = false, length = 80)
    public String savedBy;

    /** When a scheduled update goes live; null until "Update live". */
    @Column(name = "go_live_at")
    public Instant goLiveAt;
}
