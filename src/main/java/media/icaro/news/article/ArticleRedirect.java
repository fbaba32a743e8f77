package media.icaro.news.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address an article had before its slug, section or date changed; it answers 301. */
@Entity
@Table(name = "article_redirect")
public class ArticleRedirect {

    @Id
    @Column(name = "old_path", length = 400)
    public String oldPath;

    @Column(name = "article_id", nullable = false)
    public long articleId;
}
