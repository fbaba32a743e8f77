package media.icaro.news.tag;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.domain.Slugs;

@ApplicationScoped
public class TagService {

    private final TagRepository tags;

    TagService(TagRepository tags) {
        this.tags = tags;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TagView> findBySlug(String slug) {
        return tags.find("slug", slug).firstResultOptional().map(t -> new TagView(t.id, t.slug, t.name));
    }

    /** The tags with these names, in the given order, creating the ones that do not exist yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Tag> resolve(List<String> names) {
        return Slugs.resolve(names, tags::findBySlugs, tag -> tag.slug, (slug, name) -> {
            Tag tag = new Tag();
            tag.slug = slug;
            tag.name = name;
            tags.persist(tag);
            return tag;
        });
    }
}
