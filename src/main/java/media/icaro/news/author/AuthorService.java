package media.icaro.news.author;

import java.util.List;
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

    /** Names of the authors, A to Z, at most {@code limit}: what the newsroom's author filter suggests. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> names(int limit) {
        return authors.find("order by name").page(0, limit).stream().map(a -> a.name).toList();
    }

    /** The name of the author who is this person, when one has their name: their own byline. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> ownByline(String displayName) {
        String slug = Slugs.slugify(displayName == null ? "" : displayName);
        return slug.isEmpty() ? Optional.empty() : authors.findBySlug(slug).map(a -> a.name);
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
        return Slugs.resolve(names, authors::findBySlugs, author -> author.slug,
                (slug, name) -> create(slug, name, Author.Type.PERSON, null));
    }
}
