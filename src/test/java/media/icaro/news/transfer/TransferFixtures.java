package media.icaro.news.transfer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;
import media.icaro.news.article.Article;
import media.icaro.news.article.ArticleInput;
import media.icaro.news.article.NewImages;
import media.icaro.news.article.Editor;
import media.icaro.news.article.EditorialService;
import media.icaro.news.article.RelatedExclusions;
import media.icaro.news.domain.ContentChanged;
import media.icaro.news.front.FrontService;
import media.icaro.news.front.Slot;
import media.icaro.news.firststart.FreshSite;

/**
 * The transfer tests' site and what they send it: a database of their own (imports replace its
 * content), a 2 MB archive limit, accounts of each role, and content of every kind an archive carries.
 */
@ApplicationScoped
public class TransferFixtures {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:transfer;DB_CLOSE_DELAY=-1",
                    "news.transfer.max-archive-size", "2M", "news.transfer.max-line-size", "1M",
                    "quarkus.http.limits.max-body-size", "16M");
        }
    }

    /** Why these tests do not run in the suite on PostgreSQL (-Dquarkus.test.profile=test,pg). */
    static final String NOT_ON_PG = "imports replace the site's content, so these tests take an H2 database of their own;"
            + " site/MoveSiteToPostgresIT imports into PostgreSQL";

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";
    static final String EDITOR = "transfer-editor";
    static final String CONTRIBUTOR = "transfer-contributor";
    /** An account that exists only on the exporting site, until an import brings it. */
    static final String WRITER = "transfer-writer";
    static final String PASSWORD = "transfer-test-password";
    static final String NDJSON = "application/x-ndjson";

    /** A PNG wide enough for one smaller version, which an import makes again rather than moves. */
    static final byte[] PNG = TestContent.picture(400, 300);

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FreshSite freshSite;

    @Inject
    AccountService accounts;

    @Inject
    EditorialService editorial;

    @Inject
    TransferRepository rows;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    TestContent content;

    @Inject
    FrontService fronts;

    @Inject
    RelatedExclusions exclusions;

    /** What {@link #addSample()} wrote. */
    record Sample(long pictured, long moved, String oldPath, long pinning, List<Long> pins) {
    }

    /** A site as a new installation starts: the seed and demo stories, and the test accounts. */
    void freshSite() {
        freshSite.reset();
        ensure(EDITOR, Account.Role.EDITOR);
        ensure(CONTRIBUTOR, Account.Role.CONTRIBUTOR);
    }

    private void ensure(String username, Account.Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, "Transfer " + role.label(), role, PASSWORD);
        }
    }

    /**
     * Content of every kind, written by an editor as the newsroom writes it: a story with a feature
     * image and a correction, one whose address changed, one pinning both, a draft, a scheduled and an
     * unpublished story, and an account only this site has.
     */
    Sample addSample() {
        if (accounts.find(WRITER).isEmpty()) {
            accounts.create(WRITER, "Transfer Writer", Account.Role.CONTRIBUTOR, PASSWORD);
        }
        Editor editor = new Editor(EDITOR, true);
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long pictured = editorial.create(story("Harbour cranes return to Genoa's old port", "business", hourAgo)
                .tags(List.of("Ports", "Genoa")).imageAlt("Cranes over the old port").imageCaption("The cranes at dawn")
                .imageCredit("Transfer Desk").seoTitle("Genoa's cranes are back").seoDescription("The old port's cranes return.")
                .build(), PNG, EditorialService.Action.PUBLISH, editor);
        editorial.correct(pictured, "An earlier version gave the wrong year for the port's reopening.", editor);

        long moved = editorial.create(story("Lighthouse keepers gather in Trieste", "world", hourAgo.minusSeconds(600))
                .tags(List.of("Lighthouses")).build(), new NewImages(null, PNG), EditorialService.Action.PUBLISH, editor);
        String oldPath = editorial.load(moved).url();
        EditorialService.EditableArticle loaded = editorial.load(moved);
        editorial.update(moved, loaded.version(), loaded.input().toBuilder().slug("lighthouse-keepers-meet-in-trieste").build(),
                EditorialService.Action.PUBLISH, editor);

        long pinning = editorial.create(story("Ports and lighthouses: a weekend guide", "culture", hourAgo.plusSeconds(600))
                .tags(List.of("Ports", "Lighthouses")).pinnedRelated(List.of(String.valueOf(moved), String.valueOf(pictured)))
                .build(), EditorialService.Action.PUBLISH, editor);
        // A change to the pictured story waiting to go live, pinning a story further on in the archive.
        EditorialService.EditableArticle live = editorial.load(pictured);
        editorial.update(pictured, live.version(), live.input().toBuilder().headline("Harbour cranes return to Genoa, revised")
                .pinnedRelated(List.of(String.valueOf(pinning))).build(), EditorialService.Action.SAVE, editor);
        editorial.create(story("A draft about ferry timetables", "business", null).build(), EditorialService.Action.SAVE,
                new Editor(WRITER, false));
        editorial.create(story("Tomorrow's regatta, scheduled", "science", Instant.now().plus(2, ChronoUnit.DAYS)).build(),
                EditorialService.Action.SCHEDULE, editor);
        long withdrawn = editorial.create(story("A story withdrawn after publication", "world", hourAgo).build(),
                EditorialService.Action.PUBLISH, editor);
        editorial.unpublish(withdrawn, editor);
        // The story about lighthouses never shows the harbour cranes as related, whatever the scorer says.
        exclusions.exclude(moved, pictured, editor);
        // Fronts: a pinned lead, a slot filled from a tag, and a section's pinned lead.
        fronts.save(fronts.definition(FrontService.HOME).orElseThrow(), 0L, Map.of(
                new Slot("lead", 1), new FrontService.Choice(String.valueOf(moved), null),
                new Slot("top", 2), new FrontService.Choice(null, "tag:ports")), EDITOR);
        fronts.save(fronts.definition("culture").orElseThrow(), 0L, Map.of(
                new Slot("lead", 1), new FrontService.Choice(String.valueOf(pinning), null)), EDITOR);
        return new Sample(pictured, moved, oldPath, pinning, List.of(moved, pictured));
    }

    private static ArticleInput.Builder story(String headline, String section, Instant publishedAt) {
        return ArticleInput.builder().headline(headline).section(section).kind(Article.Kind.NEWS).publishedAt(publishedAt)
                .standfirst("Standfirst of " + headline + ".").body("The first paragraph of *" + headline
                        + "*, with a [link](https://example.org).\n\nA second paragraph mentions quayside markets.")
                .bylines(List.of("Transfer Desk Reporter")).disclaimerMode(Article.DisclaimerMode.SITE_DEFAULT);
    }

    /**
     * Builds the search index afresh, as an import does. Text similarity, one signal of the related
     * stories, reads the index's statistics, and a live index still counts the replaced versions of
     * edited stories until Lucene merges them away: a close call between two related stories can go
     * the other way in a rebuilt index.
     */
    void rebuildSearchIndex() {
        changes.fire(ContentChanged.everything());
        content.settle();
    }

    /** Deletes an account, as if it had only ever been on the exporting site. */
    void forgetAccount(String username) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("delete from Account a where a.username = ?1")
                .setParameter(1, username).executeUpdate());
    }

    /** Rows of each record type, and of revisions and corrections. */
    Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>(rows.counts());
            counts.put("revisions", rows.revisionCount());
            counts.put("corrections", rows.correctionCount());
            return counts;
        });
    }

    static RequestSpecification as(String username, String password) {
        return given().redirects().follow(false).auth().preemptive().basic(username, password);
    }

    static RequestSpecification asAdmin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    /** The whole site's archive, through the API. */
    static byte[] export() {
        Response response = asAdmin().get("/api/v1/export");
        assertEquals(200, response.statusCode(), response.asString());
        return response.asByteArray();
    }

    static Response importArchive(byte[] archive) {
        return asAdmin().contentType(NDJSON).body(archive).post("/api/v1/import");
    }

    static List<String> lines(byte[] archive) {
        return new String(archive, StandardCharsets.UTF_8).lines().toList();
    }

    static byte[] archive(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<JsonNode> records(byte[] archive) {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines(archive)) {
            records.add(json(line));
        }
        return records;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
