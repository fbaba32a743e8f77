package media.icaro.news.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * axe-core, read from the folder that {@code npm install --prefix target/axe axe-core@4} fills
 * (another file with -Daxe.script=...), injected into the page and run on the WCAG 2.0/2.1 A and AA rules.
 */
final class Axe {

    static final Path SCRIPT = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
    static final String MISSING = "axe-core not found at " + SCRIPT
            + ": run `npm install --prefix target/axe axe-core@4` to run the accessibility checks";

    private static String source;

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(function (result) {
                done(result.violations
                  .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                  .map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help,
                            targets: v.nodes.map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200); })};
                  }));
              })
              .catch(function (e) { done('axe failed: ' + e); });
            """;

    private Axe() {
    }

    /** Skips (or fails, when browser tests are required) without axe-core. */
    static synchronized String source() {
        if (source == null) {
            boolean present = Files.isRegularFile(SCRIPT);
            if (Browser.required()) {
                Assertions.assertTrue(present, MISSING + " (browser.tests.required=true)");
            }
            Assumptions.assumeTrue(present, MISSING);
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The serious and critical violations on the page as it is now, one line each. */
    static List<String> seriousViolations(Browser browser, String page) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            browser.script(source());
        }
        Object result = browser.driver.executeAsyncScript(RUN);
        if (!(result instanceof List<?> violations)) {
            throw new AssertionError(result + " on " + page);
        }
        List<String> lines = new ArrayList<>();
        for (Object item : violations) {
            Map<?, ?> v = (Map<?, ?>) item;
            lines.add("axe " + v.get("id") + " (" + v.get("impact") + ": " + v.get("help") + ") on " + page + " at "
                    + browser.viewport() + " " + browser.scheme().name().toLowerCase() + ": " + v.get("targets"));
        }
        return lines;
    }
}
