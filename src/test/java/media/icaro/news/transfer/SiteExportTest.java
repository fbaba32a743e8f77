package media.icaro.news.transfer;

import static media.icaro.news.transfer.TransferFixtures.as;
import static media.icaro.news.transfer.TransferFixtures.asAdmin;
import static media.icaro.news.transfer.TransferFixtures.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** {@code GET /api/v1/export}: the whole site, a record a line, for admins only, never with a password. */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*", disabledReason = TransferFixtures.NOT_ON_PG)
@TestProfile(TransferFixtures.Profile.class)
class SiteExportTest {

    @Inject
    TransferFixtures fixtures;

    @Test
    void theArchiveHoldsEveryRecordOfEveryTypeAndNoPassword() throws IOException {
        fixtures.freshSite();
        TransferFixtures.Sample sample = fixtures.addSample();
        Map<String, Long> counts = fixtures.counts();

        Response response = asAdmin().get("/api/v1/export");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("application/x-ndjson", response.contentType().replaceAll(";.*", ""));
        assertTrue(response.header("Content-Disposition").matches("attachment; filename=\"icaro-media-group-[0-9]{8}-[0-9]{6}\\.jsonl\""),
                response.header("Content-Disposition"));
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("}\n"), "every line ends with a newline, the last too");
        List<JsonNode> lines = records(response.asByteArray());

        JsonNode header = lines.get(0);
        assertEquals("site", header.get("type").asText());
        assertEquals("icaro-news-site", header.get("format").asText());
        assertEquals(1, header.get("version").asInt());
        assertEquals("ICARO Media Group", header.get("siteName").asText());
        assertEquals(newestMigration(), header.get("schemaVersion").asText(), "the Flyway version of the schema");
        assertTrue(Instant.parse(header.get("exportedAt").asText()).isAfter(Instant.now().minusSeconds(60)));

        JsonNode end = lines.get(lines.size() - 1);
        assertEquals("end", end.get("type").asText());
        Map<String, Long> byType = new LinkedHashMap<>();
        for (JsonNode line : lines.subList(1, lines.size() - 1)) {
            byType.merge(line.get("type").asText(), 1L, Long::sum);
        }
        for (String type : List.of("section", "author", "tag", "account", "image", "article", "redirect", "exclusion", "front", "page")) {
            assertTrue(counts.get(type) > 0, "the site has " + type + " records to export");
            assertEquals(counts.get(type), byType.get(type), type + " records");
            assertEquals(counts.get(type), end.get("counts").get(type).asLong(), "the end record counts " + type);
        }
        assertEquals(10, byType.size(), "no other record types: " + byType.keySet());

        long revisions = 0;
        long corrections = 0;
        Set<Long> articleIds = new HashSet<>();
        for (JsonNode line : lines) {
            if (line.get("type").asText().equals("article")) {
                revisions += line.get("revisions").size();
                corrections += line.get("corrections").size();
                articleIds.add(line.get("id").asLong());
                assertFalse(line.has("bodyHtml"), "bodies travel as Markdown only");
            }
        }
        assertEquals(counts.get("revisions"), revisions, "every revision, inside its article");
        assertEquals(counts.get("corrections"), corrections, "every correction, inside its article");

        JsonNode pinning = article(lines, sample.pinning());
        assertEquals(List.of(sample.moved(), sample.pictured()),
                List.of(pinning.get("pinnedRelated").get(0).asLong(), pinning.get("pinnedRelated").get(1).asLong()));
        JsonNode pictured = article(lines, sample.pictured());
        assertEquals("Cranes over the old port", pictured.get("image").get("alt").asText());
        JsonNode image = lines.stream().filter(l -> l.get("type").asText().equals("image")).findFirst().orElseThrow();
        assertEquals(pictured.get("image").get("id").asLong(), image.get("id").asLong());
        assertEquals(TransferFixtures.PNG.length, image.get("data").binaryValue().length, "the image, base64");
        JsonNode redirect = lines.stream().filter(l -> l.get("type").asText().equals("redirect")).findFirst().orElseThrow();
        assertEquals(sample.oldPath(), redirect.get("oldPath").asText());
        assertTrue(articleIds.contains(redirect.get("article").asLong()));

        JsonNode home = lines.stream().filter(l -> l.get("type").asText().equals("front") && l.get("name").asText().equals("home"))
                .findFirst().orElseThrow();
        assertEquals(sample.moved(), home.get("slots").get(0).get("article").asLong(), "the pinned lead, by its record's id");
        assertEquals("ports", home.get("slots").get(1).get("fillTag").asText(), "a slot filled from a tag, by its slug");

        for (JsonNode line : lines) {
            if (line.get("type").asText().equals("account")) {
                Set<String> fields = new HashSet<>();
                line.fieldNames().forEachRemaining(fields::add);
                assertEquals(Set.of("type", "username", "displayName", "role", "enabled", "createdAt"), fields);
            }
        }
        assertFalse(text.contains("$2a$") || text.contains("$2b$") || text.contains("$2y$"), "no bcrypt hash anywhere");
        assertFalse(text.toLowerCase().contains("password"), "no password field anywhere");
    }

    @Test
    void theArchiveIsSentAsJsonLinesWhenAskedFor() {
        Response response = asAdmin().accept("application/jsonl").get("/api/v1/export");
        assertEquals(200, response.statusCode());
        assertEquals("application/jsonl", response.contentType().replaceAll(";.*", ""));
        assertEquals("site", records(response.asByteArray()).get(0).get("type").asText());
    }

    @Test
    void onlyAdminsExportAnonymousRequestsAreAskedToSignIn() {
        fixtures.freshSite();
        Response anonymous = io.restassured.RestAssured.given().redirects().follow(false).get("/api/v1/export");
        assertEquals(401, anonymous.statusCode());
        assertNotNull(anonymous.header("WWW-Authenticate"));
        assertEquals("application/json", anonymous.contentType().replaceAll(";.*", ""));
        for (String user : List.of(TransferFixtures.EDITOR, TransferFixtures.CONTRIBUTOR)) {
            Response refused = as(user, TransferFixtures.PASSWORD).get("/api/v1/export");
            assertEquals(403, refused.statusCode(), user);
            assertEquals("Only admins export and import the site", refused.jsonPath().getString("errors[0].message"));
            assertFalse(refused.asString().contains("\"type\":\"site\""), "no archive for " + user);
        }
    }

    /** The version of the newest migration in the sources: {@code 13} for {@code V13__article_views.sql}. */
    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(name -> name.matches("V\\d+__.*"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow());
        }
    }

    private static JsonNode article(List<JsonNode> lines, long id) {
        return lines.stream().filter(l -> l.get("type").asText().equals("article") && l.get("id").asLong() == id)
                .findFirst().orElseThrow();
    }
}
