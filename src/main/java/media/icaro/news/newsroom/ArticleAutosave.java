package media.icaro.news.newsroom;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What one user typed into the form of one article (or of a new one, keyed "new") and has not saved:
 * the form's text fields as a JSON object, and the article version the typing started from.
 */
@Entity
@Table(name = "article_autosave")
public class ArticleAutosave {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String username;

    /** The article's id, or "new". */
    @Column(name = "article_key", nullable = false, length = 20)
    public String articleKey;

    /** Null for a new article. */
    @Column(name = "article_id")
    public Long articleId;

    /** The version of the article the form was loaded at; null for a new article. */
    @Column(name = "base_version")
    public Long baseVersion;

    @Column(nullable = false, length = 1_000_000)
    public String fields;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;
}
