package media.icaro.news.firststart;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.ArticleRepository;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.author.Author;
import media.icaro.news.author.AuthorService;
import media.icaro.news.section.SectionService;
import media.icaro.news.site.SiteConfig;
import media.icaro.news.sitepage.SitePageService;

/**
 * Fills an empty database on first start: the sections, the authors, the seed story and, unless
 * {@code site.demo-content} is off, the demo set. A database that holds any article is left alone,
 * so a second start never duplicates anything.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);

    /** Content files give their dates in the agency's local time. */
    static final ZoneId CONTENT_ZONE = ZoneId.of("Europe/Rome");
    static final String SEED = "content/seed/icaro-putin-north-korea.md";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ArticleRepository articles;
    private final EditorialService editorial;
    private final SectionService sections;
    private final AuthorService authors;
    private final SiteConfig site;
    private final SitePageService sitePages;

    FirstStart(ArticleRepository articles, EditorialService editorial, SectionService sections,
            AuthorService authors, SiteConfig site, SitePageService sitePages) {
        this.articles = articles;
        this.editorial = editorial;
        this.sections = sections;
        this.authors = authors;
        this.site = site;
        this.sitePages = sitePages;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::populateIfEmpty);
        } catch (RuntimeException e) {
            // Another instance sharing the database may have won the race; its content stands.
            LOG.warn("First-start content was not written: " + e.getMessage());
        }
    }

    private void populateIfEmpty() {
        if (articles.count() > 0) {
            return;
        }
        if (sections.navigation().isEmpty()) {
            for (String[] row : ContentFile.table("content/sections.txt", 3)) {
                sections.create(row[0], row[1], row[2]);
            }
        }
        for (String[] row : ContentFile.table("content/authors.txt", 4)) {
            authors.create(row[0], row[1], Author.Type.valueOf(row[2].toUpperCase(Locale.ROOT)), row[3]);
        }
        publish(ContentFile.parse(ContentFile.read(SEED)));
        if (sitePages.all().isEmpty()) {
            // The site's own pages, for editors to make their own; Contact waits for an address as a draft.
            for (String[] row : ContentFile.table("content/pages/index.txt", 3)) {
                String body = ContentFile.read("content/pages/" + row[0] + ".md").replace("{site}", site.name());
                sitePages.save(null, null, new SitePageService.Input(row[0], row[1], null, body, null,
                        row[2].equals("published")), Editor.SYSTEM.username());
            }
        }
        int demo = 0;
        if (site.demoContent()) {
            for (String name : ContentFile.read("content/demo/index.txt").split("\n")) {
                if (!name.isBlank()) {
                    publish(ContentFile.parse(ContentFile.read("content/demo/" + name.strip())));
                    demo++;
                }
            }
        }
        LOG.infof("First start: added the seed story and %d demo stories", demo);
    }

    private void publish(ContentFile file) {
        editorial.create(input(file), EditorialService.Action.PUBLISH, Editor.SYSTEM);
    }

    static ArticleInput input(ContentFile file) {
        return ArticleInput.builder()
                .headline(file.require("headline"))
                .slug(file.header().get("slug"))
                .standfirst(file.header().get("standfirst"))
                .body(file.body())
                .section(file.require("section"))
                .kind(Article.Kind.valueOf(file.require("kind").toUpperCase(Locale.ROOT)))
                .publishedAt(LocalDateTime.parse(file.require("published"), DATE).atZone(CONTENT_ZONE).toInstant())
                .bylines(file.list("bylines", ";"))
                .tags(file.list("tags", ","))
                .disclaimerMode("none".equals(file.header().get("disclaimer"))
                        ? Article.DisclaimerMode.NONE : Article.DisclaimerMode.SITE_DEFAULT)
                .build();
    }
}
