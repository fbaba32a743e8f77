package media.icaro.news.author;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.domain.Slugs;

@ApplicationScoped
public class AuthorService {

    private final AuthorRepository authors;

    AuthorService(AuthorRepository authors) {
        this.authors = authors;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AuthorView> findBySlug(String slug) {
        return authors.findBySlug(slug)
                .map(a -> new AuthorView(a.id, a.slug, a.name, a.type == Author.Type.ORGANISATION, a.bio));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Author create(String slug, String name, Author.Type type, String bio) {
        Author author = new Author();
        author.slug = slug;
        author.name = name;
        author.type = type;
        author.bio = bio;
        authors.persist(author);
        return author;
    }

    /** The authors with these names, in byline order; an unknown name becomes a new person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Author> resolve(List<String> names) {
        Map<String, String> bySlug = Slugs.bySlug(names);
        Map<String, Author> existing = new HashMap<>();
        for (Author author : authors.findBySlugs(bySlug.keySet())) {
            existing.put(author.slug, author);
        }
        List<Author> resolved = new ArrayList<>();
        bySlug.forEach((slug, name) -> resolved.add(
                existing.computeIfAbsent(slug, s -> create(s, name, Author.Type.PERSON, null))));
        return resolved;
    }
}
