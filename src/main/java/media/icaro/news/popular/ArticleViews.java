package media.icaro.news.popular;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** How many times readers opened one article within one hour, on every instance together. */
@Entity
@Table(name = "article_view")
@IdClass(ArticleViews.Bucket.class)
public class ArticleViews {

    /** One article's hour (UTC, to the hour). */
    public record Bucket(Instant hourStart, long articleId) implements Serializable {
    }

    @Id
    @Column(name = "hour_start")
    public Instant hourStart;

    @Id
    @Column(name = "article_id")
    public long articleId;

    @Column(nullable = false)
    public long views;
}
