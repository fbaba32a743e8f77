package media.icaro.news.newsroom;

import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The article form exactly as typed, so that a form with errors comes back with every value kept.
 * {@link ArticleForms} turns it into an {@code ArticleInput} and back.
 */
public class ArticleForm {

    @RestForm
    public String headline = "";
    @RestForm
    public String slug = "";
    @RestForm
    public String standfirst = "";
    @RestForm
    public String body = "";
    @RestForm
    public String section = "";
    @RestForm
    public String kind = "NEWS";
    /** Comma-separated tag names. */
    @RestForm
    public String tags = "";
    /** Comma-separated author names, in byline order. */
    @RestForm
    public String bylines = "";
    @RestForm
    public String disclaimerMode = "SITE_DEFAULT";
    @RestForm
    public String disclaimerText = "";
    /** Publication date and time in the site's time zone, as a datetime-local input sends it. */
    @RestForm
    public String publishedAt = "";
    /** When a scheduled update of a live article goes live, as a datetime-local input sends it. */
    @RestForm
    public String goLiveAt = "";
    /** What search results and link previews show instead of the headline. */
    @RestForm
    public String seoTitle = "";
    /** What they show instead of the standfirst. */
    @RestForm
    public String seoDescription = "";
    /** Related stories to pin, one per line: article ids, slugs or addresses. */
    @RestForm
    public String pinnedRelated = "";
    @RestForm
    public String source = "";
    /** An image uploaded earlier (kept when a form with errors comes back). */
    @RestForm
    public String imageId = "";
    @RestForm
    @PartType("application/octet-stream")
    public FileUpload image;
    @RestForm
    public String removeImage = "";
    /** A picture for link previews uploaded earlier (kept when a form with errors comes back). */
    @RestForm
    public String socialImageId = "";
    @RestForm
    @PartType("application/octet-stream")
    public FileUpload socialImage;
    @RestForm
    public String removeSocialImage = "";
    @RestForm
    public String imageAlt = "";
    @RestForm
    public String imageCaption = "";
    @RestForm
    public String imageCredit = "";
    @RestForm
    public String minor = "";
    /** The version the editor loaded, for optimistic locking. */
    @RestForm
    public String version = "";
    /** Which button: save, preview, publish, schedule, unpublish. */
    @RestForm
    public String action = "save";

    public boolean isMinor() {
        return "on".equals(minor) || "true".equals(minor);
    }
}
