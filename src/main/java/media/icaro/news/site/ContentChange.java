package media.icaro.news.site;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import media.icaro.news.domain.ContentChanged;

/** One committed change in the feed that instances sharing the database follow ({@link ChangeFeed}). */
@Entity
@Table(name = "content_change")
public class ContentChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ContentChanged.Subject subject;

    @Column(name = "subject_id", nullable = false)
    public long subjectId;

    /** The instance that wrote it, which has applied it already. */
    @Column(nullable = false, length = 64)
    public String origin;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
