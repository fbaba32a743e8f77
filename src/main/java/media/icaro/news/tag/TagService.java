package media.icaro.news.tag;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    public Set<Tag> resolve(List<String> names) {
        Map<String, String> bySlug = Slugs.bySlug(names);
        Map<String, Tag> existing = new LinkedHashMap<>();
        for (Tag tag : tags.findBySlugs(bySlug.keySet())) {
            existing.put(tag.slug, tag);
        }
        Set<Tag> resolved = new LinkedHashSet<>();
        bySlug.forEach((slug, name) -> resolved.add(existing.computeIfAbsent(slug, s -> {
            Tag tag = new Tag();
            tag.slug = s;
            tag.name = name;
            tags.persist(tag);
            return tag;
        })));
        return resolved;
    }
}
