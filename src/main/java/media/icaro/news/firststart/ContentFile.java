package media.icaro.news.firststart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story shipped with the site (the seed and the demo set): {@code key: value} header lines, an
 * empty line, then the Markdown body.
 */
record ContentFile(Map<String, String> header, String body) {

    static ContentFile parse(String text) {
        String normalised = text.replace("\r\n", "\n");
        int end = normalised.indexOf("\n\n");
        if (end < 0) {
            throw new IllegalArgumentException("A content file needs a header, an empty line and a body");
        }
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : normalised.substring(0, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Not a 'key: value' header line: " + line);
            }
            header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new ContentFile(header, normalised.substring(end + 2).strip() + "\n");
    }

    String require(String key) {
        String value = header.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Missing header '" + key + "'");
        }
        return value;
    }

    List<String> list(String key, String separator) {
        String value = header.getOrDefault(key, "");
        return value.isBlank() ? List.of() : Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a {@code a | b | c} table, comments and blank lines skipped. */
    static List<String[]> table(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : read(resource).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split("\\|", columns)).map(String::strip).toArray(String[]::new);
            if (cells.length != columns) {
                throw new IllegalArgumentException(resource + ": expected " + columns + " columns in: " + line);
            }
            rows.add(cells);
        }
        return rows;
    }
}
