package media.icaro.news.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One save of an article: who, when, what changed, and the article as it stood after it (JSON). */
@Entity
@Table(name = "article_revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public long articleId;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;

    @Column(name = "revised_by", nullable = false, length = 80)
    public String revisedBy;

    @Column(nullable = false, length = 300)
    public String summary;

    @Column(nullable = false, length = 1_000_000)
    public String snapshot;
}
