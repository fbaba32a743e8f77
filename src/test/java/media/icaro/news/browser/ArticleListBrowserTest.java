package media.icaro.news.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.EditorialService;

/**
 * An editor's article list in a real browser, with enough articles to page: the first and second
 * pages, and the confirmation of a bulk unpublish, each passing the {@link PageChecks} (axe, no
 * sideways scrolling at 390 px, keyboard) with long headlines shown in full on a phone.
 */
@QuarkusTest
class ArticleListBrowserTest {

    static final String PASSWORD = "br-list-password-1";
    static final String AUTHOR = "Br Listwriter";

    static Browser browser;

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        browser = Browser.start(true);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theListPagesAndReviewsABulkActionOnAPhoneAndADesktop() {
        Axe.source();
        String username = "br-list-" + System.nanoTime() % 100000;
        accounts.create(username, "Br List Editor", Account.Role.EDITOR, PASSWORD);
        content.section("br-list");
        Instant base = Instant.parse("2023-08-01T09:00:00Z");
        for (int i = 0; i < 30; i++) {
            String headline = "Br list story " + i + (i % 5 == 0
                    ? ": a long headline that has to wrap on a phone without being cut or making the page scroll sideways"
                    : "");
            content.create(TestContent.story("br-list", headline, base.plus(i, ChronoUnit.HOURS)).bylines(List.of(AUTHOR))
                    .body("Story " + i + " of the list journey.").build(),
                    i % 2 == 0 ? EditorialService.Action.PUBLISH : EditorialService.Action.SAVE);
        }

        Browser b = browser;
        PageChecks checks = new PageChecks(b, "article-list");
        String site = root.toString().replaceAll("/$", "");
        b.open(site + "/login");
        b.find("#j_username").sendKeys(username);
        b.find("#j_password").sendKeys(PASSWORD);
        b.follow(b.find("main form button[type=submit]"));

        b.open(site + "/admin/articles?author=Br%20Listwriter");
        assertEquals(25, b.findAll(".article-list tbody tr").size());
        checks.check("list");
        b.apply(Browser.Viewport.PHONE, Browser.Scheme.LIGHT);
        Object cut = b.script("""
                var out = [];
                document.querySelectorAll('.article-list td.desk-headline').forEach(function (td) {
                  if (td.scrollWidth > td.clientWidth + 1 || td.getBoundingClientRect().right > window.innerWidth) out.push(td.textContent);
                });
                return out.length ? out.join(' | ') : null;""");
        b.apply(Browser.Viewport.DESKTOP, Browser.Scheme.LIGHT);
        assertEquals(null, cut, "headlines cut on a phone");

        b.follow(b.find(".pager a[rel=next]"));
        assertEquals(5, b.findAll(".article-list tbody tr").size());
        checks.check("list-page-2");

        b.findAll(".article-list td.select input").get(0).click();
        b.findAll(".article-list td.select input").get(1).click();
        b.follow(b.find(".bulk-actions button[value=unpublish]"));
        assertTrue(b.find("h1").getText().startsWith("Unpublish"), b.find("h1").getText());
        checks.check("bulk-review");

        checks.assertClean();
    }
}
