package media.icaro.news.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian chromium, driven through Debian's chromedriver (never Selenium Manager),
 * with exact viewports, colour schemes and print media set through the DevTools protocol.
 */
final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final String MISSING = "Chromium not found: apt-get install chromium chromium-driver to run the browser tests";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    enum Scheme { LIGHT, DARK }

    record Viewport(int width, int height) {
        static final Viewport PHONE = new Viewport(390, 844);
        static final Viewport DESKTOP = new Viewport(1280, 800);
        static final List<Viewport> BOTH = List.of(PHONE, DESKTOP);

        boolean mobile() {
            return width < 600;
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    final ChromeDriver driver;
    final boolean javascript;
    private final Path profile;
    private Viewport viewport = Viewport.DESKTOP;
    private Scheme scheme = Scheme.LIGHT;

    /** True when -Dbrowser.tests.required=true (CI): what would be a skip is a failure. */
    static boolean required() {
        return Boolean.getBoolean("browser.tests.required");
    }

    /** Skips the calling test (or fails it, when required) on a machine without chromium. */
    static void assumeAvailable() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (required()) {
            Assertions.assertTrue(present, MISSING + " (browser.tests.required=true)");
        }
        Assumptions.assumeTrue(present, MISSING);
    }

    /** A browser with JavaScript on (for axe and for measuring) or off (as a reader without it). */
    static Browser start(boolean javascript) {
        assumeAvailable();
        return new Browser(javascript);
    }

    private Browser(boolean javascript) {
        this.javascript = javascript;
        try {
            profile = Files.createTempDirectory("br-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--remote-debugging-pipe", "--lang=en-GB", "--user-data-dir=" + profile.toAbsolutePath());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        apply(Viewport.DESKTOP, Scheme.LIGHT);
    }

    void apply(Viewport viewport, Scheme scheme) {
        this.viewport = viewport;
        this.scheme = scheme;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(),
                "height", viewport.height(), "deviceScaleFactor", 1, "mobile", viewport.mobile()));
        media("screen");
    }

    /** "screen" or "print", keeping the current colour scheme. */
    void media(String media) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media, "features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme.name().toLowerCase()))));
    }

    Viewport viewport() {
        return viewport;
    }

    Scheme scheme() {
        return scheme;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks a link or submit button as a reader does and waits until the next page has replaced this one. */
    void follow(WebElement element) {
        String before = driver.getCurrentUrl();
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                html.getTagName();
            } catch (org.openqa.selenium.WebDriverException replaced) {
                // Stale, or, caught mid-navigation, "Node with given id does not belong to the document".
                return;
            }
            sleep(25);
        }
        Assertions.fail("No new page after a click on " + before);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The path and query of the page shown, without the fragment (the skip link adds #main). */
    String path() {
        String url = driver.getCurrentUrl().replaceFirst("#.*$", "");
        int start = url.indexOf('/', url.indexOf("//") + 2);
        return start < 0 ? "/" : url.substring(start);
    }

    /** A screenshot of the whole page (up to 6000 px tall) under target/screenshots/{folder}/{name}. */
    Path screenshot(String folder, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.max(((Number) content.get("width")).doubleValue(), viewport.width());
        double height = Math.min(Math.max(((Number) content.get("height")).doubleValue(), viewport.height()), 6000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = SCREENSHOTS.resolve(folder).resolve(name.replaceAll("[^A-Za-z0-9._-]+", "-") + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
