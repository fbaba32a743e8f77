package media.icaro.news.newsroom;

import org.jboss.resteasy.reactive.RestForm;

import media.icaro.news.sitepage.SitePageService;
import media.icaro.news.sitepage.SitePageView;

/** A site page's form exactly as typed, so that a form with errors comes back with every value kept. */
public class PageForm {

    /** Only when creating: a page's address never changes. */
    @RestForm
    public String slug = "";
    @RestForm
    public String title = "";
    @RestForm
    public String description = "";
    @RestForm
    public String body = "";
    /** Place among the footer's links, 1 first; empty puts a new page last and leaves one where it is. */
    @RestForm
    public String position = "";
    /** "on" when the box is ticked. */
    @RestForm
    public String published = "";
    @RestForm
    public String version = "";

    public boolean isPublished() {
        return "on".equals(published);
    }

    SitePageService.Input input() {
        return new SitePageService.Input(slug, title, description, body, position, isPublished());
    }

    Long expectedVersion() {
        return version != null && version.matches("[0-9]{1,18}") ? Long.valueOf(version) : null;
    }

    static PageForm of(SitePageView page) {
        PageForm form = new PageForm();
        form.slug = page.slug();
        form.title = page.title();
        form.description = page.description() == null ? "" : page.description();
        form.body = page.bodyMarkdown();
        form.position = String.valueOf(page.position() + 1);
        form.published = page.published() ? "on" : "";
        form.version = String.valueOf(page.version());
        return form;
    }
}
