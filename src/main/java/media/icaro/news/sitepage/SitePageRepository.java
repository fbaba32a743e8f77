package media.icaro.news.sitepage;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SitePageRepository implements PanacheRepository<SitePage> {

    /** Every page, in footer order. */
    public List<SitePage> listInOrder() {
        return list("order by position, id");
    }

    public Optional<SitePage> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
