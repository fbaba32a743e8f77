package media.icaro.news.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A dated note telling readers what was wrong in an article and what changed. */
@Entity
public class Correction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    @Column(name = "corrected_at", nullable = false)
    public Instant correctedAt;

    @Column(nullable = false, length = 2000)
    public String note;
}
