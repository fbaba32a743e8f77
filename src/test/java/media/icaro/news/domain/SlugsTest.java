package media.icaro.news.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Slugs, and resolving names to the things they name (tags, bylines). */
class SlugsTest {

    record Named(String slug, String name, boolean created) {
    }

    @Test
    void namesMakeReadableSlugs() {
        assertEquals("kim-jong-un", Slugs.slugify("Kim Jong Un"));
        assertEquals("russias-putin", Slugs.slugify("Russia’s Putin"));
        assertEquals("sao-paulo", Slugs.slugify("São Paulo!"));
        assertEquals("", Slugs.slugify("¿¡"));
    }

    @Test
    void resolvingKeepsTheOrderFindsWhatExistsAndCreatesTheRestOncePerSlug() {
        List<Collection<String>> lookedUp = new ArrayList<>();
        List<Named> resolved = Slugs.resolve(List.of("North Korea", "Kim Jong Un", "north korea", "Summit"),
                slugs -> {
                    lookedUp.add(List.copyOf(slugs));
                    return List.of(new Named("kim-jong-un", "Kim Jong Un", false));
                },
                Named::slug, (slug, name) -> new Named(slug, name, true));

        assertEquals(List.of(new Named("north-korea", "North Korea", true), new Named("kim-jong-un", "Kim Jong Un", false),
                new Named("summit", "Summit", true)), resolved);
        assertEquals(List.of(List.of("north-korea", "kim-jong-un", "summit")), lookedUp, "one lookup for all the names");
    }
}
