package media.icaro.news.tag;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        return tags.find("slug", slug).firstResultOptional().map(TagService::view);
    }

    /** The tags on the most articles, most first: what an editor picks a tag from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TagView> mostUsed(int limit) {
        return tags.getEntityManager().createQuery("select t from Article a join a.tags t group by t"
                + " order by count(a) desc, t.name", Tag.class).setMaxResults(limit).getResultList()
                .stream().map(TagService::view).toList();
    }

    /** These tags, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, TagView> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of()
                : tags.list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, TagService::view));
    }

    private static TagView view(Tag tag) {
        return new TagView(tag.id, tag.slug, tag.name);
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
