package media.icaro.news.newsroom.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enum constants as the API spells them: in lower case ("published", "opinion"). */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(name)).findFirst();
    }
}
