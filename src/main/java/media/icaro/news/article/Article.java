package media.icaro.news.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import media.icaro.news.author.Author;
import media.icaro.news.media.Image;
import media.icaro.news.section.Section;
import media.icaro.news.tag.Tag;

@Entity
public class Article {

    public enum Kind {
        NEWS, OPINION, ANALYSIS
    }

    public enum Status {
        DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED
    }

    /** Which disclaimer the page shows: the site's sentence, the article's own, or none. */
    public enum DisclaimerMode {
        SITE_DEFAULT, CUSTOM, NONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 200)
    public String slug;

    @Column(nullable = false, length = 200)
    public String headline;

    @Column(length = 1000)
    public String standfirst;

    @Column(name = "body_markdown", nullable = false, length = 1_000_000)
    public String bodyMarkdown;

    /** Sanitised HTML rendered from {@link #bodyMarkdown} at save time; the only body a page prints. */
    @Column(name = "body_html", nullable = false, length = 1_000_000)
    public String bodyHtml;

    /** The body's first paragraph as plain text, also worked out at save time. */
    @Column(name = "body_summary", length = 400)
    public String bodySummary;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    public Section section;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Kind kind = Kind.NEWS;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Status status = Status.DRAFT;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Set by meaningful updates only; shown as "Updated ...". */
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Last save of any kind, typo fixes included. */
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "disclaimer_mode", nullable = false, length = 20)
    public DisclaimerMode disclaimerMode = DisclaimerMode.SITE_DEFAULT;

    @Column(name = "disclaimer_text", length = 1000)
    public String disclaimerText;

    @Column(length = 200)
    public String source;

    /** The uploaded feature image (media.Image), if any. */
    @Column(name = "image_id")
    public Long imageId;

    /**
     * That image's record, read only for its size and its versions (its bytes are loaded lazily, so
     * never), joined where a page shows the image. {@link #imageId} is what a save sets.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "image_id", insertable = false, updatable = false)
    public Image image;

    @Column(name = "image_alt", length = 300)
    public String imageAlt;

    @Column(name = "image_caption", length = 500)
    public String imageCaption;

    @Column(name = "image_credit", length = 200)
    public String imageCredit;

    /** The title search results and link previews show, when it should differ from the headline. */
    @Column(name = "seo_title", length = 200)
    public String seoTitle;

    /** The description search results and link previews show, when it should differ from the standfirst. */
    @Column(name = "seo_description", length = 300)
    public String seoDescription;

    /** The picture link previews show instead of the feature image (a media.Image), if any. */
    @Column(name = "social_image_id")
    public Long socialImageId;

    /** That picture's record, for its size and versions, as {@link #image} is for the feature image's. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "social_image_id", insertable = false, updatable = false)
    public Image socialImage;

    /** The newsroom user who created it: contributors may edit only their own drafts. */
    @Column(name = "created_by", length = 80)
    public String createdBy;

    @Version
    public long version;

    @ManyToMany
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "article_byline", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "byline_position")
    public List<Author> bylines = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "article_related_pin", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "pinned_id"))
    @OrderColumn(name = "pin_position")
    public List<Article> pinnedRelated = new ArrayList<>();

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL)
    @OrderBy("correctedAt")
    public List<Correction> corrections = new ArrayList<>();

    /** What the page's title and link previews call the article: its search title, else its headline. */
    public String title() {
        return seoTitle != null ? seoTitle : headline;
    }

    /** What describes the article in its page's head and link previews: the search description, else {@link #description()}. */
    public String searchDescription() {
        return seoDescription != null ? seoDescription : description();
    }

    /** Whether readers may see it now. */
    public boolean isLive(Instant now) {
        return status == Status.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** What describes the article in feeds: its standfirst, or its body's first paragraph. */
    public String description() {
        if (standfirst != null) {
            return standfirst;
        }
        return bodySummary == null ? "" : bodySummary;
    }
}
