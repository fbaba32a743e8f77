package media.icaro.news.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import media.icaro.news.domain.FieldErrors;

/**
 * The stories an editor pins to an article's Related block (or to a slot of a front), from the
 * references the newsroom form or the API sent: an article's id, its slug, or its address (whose last segment is the slug). They are
 * found here, once per save, in two queries however many there are; the form and the API only read
 * them as text.
 */
@ApplicationScoped
class PinnedStories {

    /** The Related block shows five stories; a few more pins let it skip ones that are not live. */
    static final int MAX_PINS = 10;

    private final ArticleRepository articles;

    PinnedStories(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * The pinned articles in the order given; each reference that matches no article, or matches
     * {@code pinnedTo} itself (null for a new article), is reported on the field "pinnedRelated".
     */
    List<Article> resolve(List<String> references, Article pinnedTo, FieldErrors errors) {
        if (references.size() > MAX_PINS) {
            errors.add("pinnedRelated", "Pin at most " + MAX_PINS + " stories (there are " + references.size() + ")");
            return List.of();
        }
        Map<String, Article> found = find(references);
        List<Article> pinned = new ArrayList<>();
        for (String reference : references) {
            Article article = found.get(reference);
            if (article == null) {
                errors.add("pinnedRelated", "No article matches '" + reference + "'");
            } else if (pinnedTo != null && article.id.equals(pinnedTo.id)) {
                errors.add("pinnedRelated", "An article cannot be related to itself");
            } else {
                pinned.add(article);
            }
        }
        return pinned;
    }

    /** The articles these references name, any status, by reference; those naming none are left out. Two queries. */
    Map<String, Article> find(Collection<String> references) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> slugs = new LinkedHashSet<>();
        for (String reference : references) {
            Long id = idOf(reference);
            if (id != null) {
                ids.add(id);
            } else {
                slugs.add(slugOf(reference));
            }
        }
        Map<Long, Article> byId = articles.listByIds(ids).stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<String, Article> bySlug = articles.listBySlugs(slugs).stream()
                .collect(Collectors.toMap(a -> a.slug, Function.identity()));
        Map<String, Article> found = new HashMap<>();
        for (String reference : references) {
            Long id = idOf(reference);
            Article article = id != null ? byId.get(id) : bySlug.get(slugOf(reference));
            if (article != null) {
                found.put(reference, article);
            }
        }
        return found;
    }

    /** A reference of digits only is an id (a slug of digits only is found by its address). */
    private static Long idOf(String reference) {
        return reference.matches("[0-9]{1,18}") ? Long.valueOf(reference) : null;
    }

    /** An address's last path segment, without query or fragment; a bare slug as it is. */
    private static String slugOf(String reference) {
        String path = reference.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
