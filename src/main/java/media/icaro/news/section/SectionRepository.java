package media.icaro.news.section;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SectionRepository implements PanacheRepository<Section> {

    public List<Section> listInNavigationOrder() {
        return listAll(Sort.by("position").and("id"));
    }

    /** How many articles, in any status, the section holds. */
    public long countArticles(long sectionId) {
        return getEntityManager().createQuery("select count(a) from Article a where a.section.id = ?1", Long.class)
                .setParameter(1, sectionId).getSingleResult();
    }

    /** How many articles, in any status, each section holds, by section id; sections without any are left out. */
    public Map<Long, Long> countArticlesBySection() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : getEntityManager()
                .createQuery("select a.section.id, count(a) from Article a group by a.section.id", Object[].class)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
