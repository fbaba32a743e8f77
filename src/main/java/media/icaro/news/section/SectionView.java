package media.icaro.news.section;

/** A section as pages show it. */
public record SectionView(long id, String slug, String name, String description) {

    public String url() {
        return "/" + slug;
    }

    static SectionView of(Section section) {
        return new SectionView(section.id, section.slug, section.name, section.description);
    }
}
