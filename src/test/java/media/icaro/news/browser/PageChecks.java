package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import media.icaro.news.browser.Browser.Scheme;
import media.icaro.news.browser.Browser.Viewport;

/**
 * The checks every page of a journey passes, collected rather than stopped at the first, so one run
 * reports all of them: axe (serious and critical) at both sizes in both schemes, no sideways scrolling
 * on a phone, a skip link that Tab reaches first, shows, and moves focus to main, and a visible focus
 * ring on every link and button Tab reaches, and a header search field of 16 px or more that sits
 * beside the site's name on a desktop. Screenshots of each page at each size and scheme go to
 * target/screenshots/{journey}/.
 */
final class PageChecks {

    private static final String FOCUSED = """
            var e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return null;
            var s = getComputedStyle(e), r = e.getBoundingClientRect();
            return {tag: e.tagName.toLowerCase(), type: e.getAttribute('type') || '', id: e.id || '',
                    cls: (typeof e.className === 'string') ? e.className : '',
                    text: (e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
                    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
                    top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height,
                    innerWidth: window.innerWidth, innerHeight: window.innerHeight};
            """;

    private static final String OVERFLOW = """
            var w = window.innerWidth, out = [];
            if (document.documentElement.scrollWidth <= w) return null;
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > w + 0.5 && out.length < 8) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
              }
            });
            return 'scrollWidth ' + document.documentElement.scrollWidth + ' > innerWidth ' + w + ': ' + out.join(', ');
            """;

    /** The header's search field: 16 px or more (phones zoom in on smaller text), beside the site's name on a desktop. */
    private static final String SEARCH_FIELD = """
            var f = document.querySelector('.site-header input[type=search]');
            var n = document.querySelector('.site-header .site-name');
            if (!f || !n) return null;
            var size = parseFloat(getComputedStyle(f).fontSize);
            if (size < 16) return 'the header search field is ' + size + ' px';
            var a = f.getBoundingClientRect(), b = n.getBoundingClientRect();
            if (window.innerWidth >= 1024 && (a.top >= b.bottom || a.bottom <= b.top)) {
              return 'the header search is not on the row of the site name at ' + window.innerWidth + ' px';
            }
            return null;
            """;

    private final Browser browser;
    private final String journey;
    private final List<String> findings = new ArrayList<>();
    private int pages;

    PageChecks(Browser browser, String journey) {
        this.browser = browser;
        this.journey = journey;
    }

    /** Runs every check on the page the browser shows now; call it right after the page loaded. */
    void check(String name) {
        pages++;
        String page = name + " (" + browser.path() + ")";
        browser.apply(Viewport.DESKTOP, Scheme.LIGHT);
        keyboard(page);
        for (Viewport viewport : Viewport.BOTH) {
            for (Scheme scheme : Scheme.values()) {
                browser.apply(viewport, scheme);
                browser.script("window.scrollTo(0, 0);");
                browser.screenshot(journey, String.format("%02d-%s-%s-%s", pages, name, viewport, scheme.name().toLowerCase()));
                findings.addAll(Axe.seriousViolations(browser, page));
                if (scheme == Scheme.LIGHT) {
                    Object search = browser.script(SEARCH_FIELD);
                    if (search != null) {
                        findings.add(search + " on " + page + " at " + viewport);
                    }
                }
                if (viewport.mobile() && scheme == Scheme.LIGHT) {
                    Object overflow = browser.script(OVERFLOW);
                    if (overflow != null) {
                        findings.add("sideways scrolling on " + page + " at " + viewport + ": " + overflow);
                    }
                }
            }
        }
        browser.apply(Viewport.DESKTOP, Scheme.LIGHT);
    }

    /** Only the screenshots, for a browser without JavaScript. */
    void screenshots(String name) {
        pages++;
        for (Viewport viewport : Viewport.BOTH) {
            for (Scheme scheme : Scheme.values()) {
                browser.apply(viewport, scheme);
                browser.screenshot(journey, String.format("%02d-%s-%s-%s", pages, name, viewport, scheme.name().toLowerCase()));
            }
        }
        browser.apply(Viewport.DESKTOP, Scheme.LIGHT);
    }

    private void keyboard(String page) {
        Map<?, ?> first = tab();
        if (first == null || !String.valueOf(first.get("cls")).contains("skip-link")) {
            findings.add("Tab does not reach the skip link first on " + page + ": " + first);
        } else {
            if (!visible(first)) {
                findings.add("the focused skip link is not visible on " + page + ": " + first);
            }
        }
        Map<?, ?> start = first;
        for (int stop = 0; stop < 250 && start != null; stop++) {
            Map<?, ?> focused = stop == 0 ? first : tab();
            if (focused == null || (stop > 0 && focused.equals(start))) {
                break;
            }
            String tag = String.valueOf(focused.get("tag"));
            boolean control = tag.equals("a") || tag.equals("button")
                    || (tag.equals("input") && List.of("submit", "button").contains(String.valueOf(focused.get("type"))));
            if (control && !Boolean.TRUE.equals(focused.get("ring"))) {
                findings.add("no visible focus ring on " + tag + " \"" + focused.get("text") + "\" on " + page);
            }
        }
        browser.script("document.querySelector('.skip-link').focus();");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        Object target = browser.script("return document.activeElement ? document.activeElement.id : null;");
        if (!"main".equals(target)) {
            findings.add("activating the skip link moves focus to #" + target + ", not to main, on " + page);
        }
    }

    private Map<?, ?> tab() {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        return (Map<?, ?>) browser.script(FOCUSED);
    }

    private static boolean visible(Map<?, ?> e) {
        double top = num(e, "top"), left = num(e, "left"), bottom = num(e, "bottom"), right = num(e, "right");
        return num(e, "width") > 1 && num(e, "height") > 1 && top >= 0 && left >= 0 && bottom <= num(e, "innerHeight")
                && right <= num(e, "innerWidth");
    }

    private static double num(Map<?, ?> e, String key) {
        return ((Number) e.get(key)).doubleValue();
    }

    int pages() {
        return pages;
    }

    /** Fails with every finding of the journey, one a line. */
    void assertClean() {
        assertTrue(findings.isEmpty(), findings.size() + " problems on " + pages + " pages of the " + journey
                + " journey:\n" + String.join("\n", findings));
    }
}
