package media.icaro.news.sitepage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One of the site's own pages, such as About or the corrections policy. */
@Entity
@Table(name = "site_page")
public class SitePage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 200)
    public String title;

    /** For the meta description; optional. */
    @Column(length = 500)
    public String description;

    @Column(name = "body_markdown", nullable = false, length = 200_000)
    public String bodyMarkdown;

    /** Rendered and sanitised from the Markdown on save. */
    @Column(name = "body_html", nullable = false, length = 400_000)
    public String bodyHtml;

    /** Its place among the footer's links, 0 first. */
    @Column(name = "footer_position", nullable = false)
    public int position;

    /** Readers see only published pages; a draft answers 404. */
    @Column(nullable = false)
    public boolean published;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Version
    @Column(nullable = false)
    public long version;
}
