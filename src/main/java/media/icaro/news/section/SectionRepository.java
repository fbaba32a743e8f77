package media.icaro.news.section;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SectionRepository implements PanacheRepository<Section> {

    public List<Section> listInNavigationOrder() {
        return listAll(Sort.by("position").and("id"));
    }
}
