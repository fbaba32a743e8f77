package media.icaro.news.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by hyphens ("Kim Jong Un" becomes "kim-jong-un"). */
public final class Slugs {

    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final int MAX_LENGTH = 80;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** Names keyed by their slug, in the given order; names that make the same slug count once. */
    public static Map<String, String> bySlug(List<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            String slug = slugify(name);
            if (!slug.isEmpty()) {
                bySlug.putIfAbsent(slug, name.strip());
            }
        }
        return bySlug;
    }

    /**
     * The things named, one per slug, in the order of the names: those {@code findBySlugs} finds, and
     * for the others what {@code create} makes of a slug and its name (tags, bylines).
     */
    public static <T> List<T> resolve(List<String> names, Function<Collection<String>, List<T>> findBySlugs,
            Function<T, String> slugOf, BiFunction<String, String, T> create) {
        Map<String, String> bySlug = bySlug(names);
        Map<String, T> existing = new HashMap<>();
        for (T found : findBySlugs.apply(bySlug.keySet())) {
            existing.put(slugOf.apply(found), found);
        }
        List<T> resolved = new ArrayList<>(bySlug.size());
        bySlug.forEach((slug, name) -> resolved.add(existing.computeIfAbsent(slug, s -> create.apply(s, name))));
        return resolved;
    }

    public static String slugify(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text.replace("'", "").replace("’", ""), Normalizer.Form.NFD))
                .replaceAll("");
        String slug = NON_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int lastHyphen = slug.lastIndexOf('-');
            slug = lastHyphen > MAX_LENGTH / 2 ? slug.substring(0, lastHyphen) : slug.replaceAll("-+$", "");
        }
        return slug;
    }
}
