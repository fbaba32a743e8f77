package media.icaro.news.newsroom;

import org.jboss.resteasy.reactive.RestForm;

/** A section form exactly as typed, so that a form with errors comes back with every value kept. */
public class SectionForm {

    /** Only when creating: a section's slug, and so its address, never changes. */
    @RestForm
    public String slug = "";
    @RestForm
    public String name = "";
    @RestForm
    public String description = "";
    /** Place in the navigation, 1 first; empty puts a new section last and leaves an existing one where it is. */
    @RestForm
    public String position = "";
}
