package media.icaro.news.domain;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
