package media.icaro.news.author;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class AuthorRepository implements PanacheRepository<Author> {

    public Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Author> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }
}
