package media.icaro.news.transfer;

import static io.restassured.RestAssured.given;
import static media.icaro.news.transfer.TransferFixtures.archive;
import static media.icaro.news.transfer.TransferFixtures.as;
import static media.icaro.news.transfer.TransferFixtures.asAdmin;
import static media.icaro.news.transfer.TransferFixtures.importArchive;
import static media.icaro.news.transfer.TransferFixtures.json;
import static media.icaro.news.transfer.TransferFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Archives an import refuses, each with a JSON error that names the line and the problem, and changes
 * nothing: not even the first start's content, which an import deletes before it writes.
 */
@QuarkusTest
@DisabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*\\bpg\\b.*", disabledReason = TransferFixtures.NOT_ON_PG)
@TestProfile(TransferFixtures.Profile.class)
class ImportRefusalsTest {

    private static final String SEED = "/politics/2024/06/18/russias-putin-arrives-in-north-korea-for-summit-with-kim-jong-un";

    /** The archive of a newly installed site, made once. */
    private static List<String> fresh;

    @Inject
    TransferFixtures fixtures;

    @BeforeEach
    void freshSite() {
        if (fresh == null) {
            fixtures.freshSite();
            fresh = lines(TransferFixtures.export());
        }
    }

    @Test
    void notJsonIsRefusedAtLineOne() {
        assertRefused(400, 1, "not a site archive", () -> importArchive("Dear editor,\nhere is our site.\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertRefused(400, 1, "empty", () -> importArchive(new byte[0]));
    }

    @Test
    void aFileWithoutLineBreaksIsRefusedBeforeItFillsTheMemory() {
        byte[] oneLongLine = new byte[3 * 1024 * 1024 / 2]; // within the archive limit of the tests (2 MB)
        Arrays.fill(oneLongLine, (byte) 'a');
        assertRefused(400, 1, "longer than 1 MB", () -> importArchive(oneLongLine));
    }

    @Test
    void anotherFormatOrVersionIsRefusedAtLineOne() {
        assertRefused(400, 1, "not a site archive", () -> importArchive(archive(withField(0, "format", "wordpress-wxr"))));
        assertRefused(400, 1, "version 2", () -> importArchive(archive(withField(0, "version", 2))));
    }

    @Test
    void anArticleInAnUnknownSectionIsRefusedAtItsLineAfterEverythingBeforeItWasWritten() {
        int last = lastLine("article");
        assertRefused(400, last + 1, "section \"sport\"", () -> importArchive(archive(withField(last, "section", "sport"))));
    }

    @Test
    void aBylineOfAnUnknownAuthorIsRefused() {
        int article = firstLine("article");
        ObjectNode record = (ObjectNode) json(fresh.get(article));
        record.putArray("bylines").add("nobody-we-know");
        assertRefused(400, article + 1, "author \"nobody-we-know\"", () -> importArchive(archive(replaced(article, record.toString()))));
    }

    @Test
    void aDuplicateSlugIsRefusedNamingBothLines() {
        int first = firstLine("article");
        ObjectNode copy = (ObjectNode) json(fresh.get(first));
        copy.put("id", 999_999);
        List<String> lines = new ArrayList<>(fresh);
        lines.add(first + 1, copy.toString());
        assertRefused(400, first + 2, "line " + (first + 1) + " has the first", () -> importArchive(archive(lines)));
    }

    @Test
    void anArchiveCutAtALineIsRefusedAsIncomplete() {
        List<String> cut = fresh.subList(0, lastLine("article"));
        assertRefused(400, cut.size() + 1, "incomplete", () -> importArchive(archive(cut)));
    }

    @Test
    void anArchiveCutInsideALineIsRefusedAtThatLine() {
        int last = lastLine("article");
        List<String> lines = new ArrayList<>(fresh.subList(0, last));
        lines.add(fresh.get(last).substring(0, fresh.get(last).length() / 2));
        assertRefused(400, last + 1, "not JSON", () -> importArchive(archive(lines)));
    }

    @Test
    void aMissingLineShowsInTheEndRecordsCounts() {
        List<String> lines = new ArrayList<>(fresh);
        lines.remove(lastLine("article"));
        assertRefused(400, lines.size(), "lines are missing", () -> importArchive(archive(lines)));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirLine() {
        int article = firstLine("article");
        byte[] archive = archive(fresh);
        int at = indexOf(archive, "\"section\":".getBytes(StandardCharsets.UTF_8));
        archive[at + 1] = (byte) 0xC3;
        archive[at + 2] = (byte) 0x28;
        assertRefused(400, article + 1, "not UTF-8", () -> importArchive(archive));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aWrongValueIsRefusedWithTheValuesItMayTake() {
        int article = firstLine("article");
        assertRefused(400, article + 1, "not one of NEWS, OPINION, ANALYSIS",
                () -> importArchive(archive(withField(article, "kind", "gossip"))));
        assertRefused(400, article + 1, "headline must not be blank", () -> importArchive(archive(withField(article, "headline", " "))));
        assertRefused(400, article + 1, "\"yesterday\", which is not a time such as 2024-06-18T17:15:00Z",
                () -> importArchive(archive(withField(article, "publishedAt", "yesterday"))));
        assertRefused(400, article + 1, "the field \"tags\" should be a list",
                () -> importArchive(archive(withField(article, "tags", "Politics"))));
        ObjectNode record = (ObjectNode) json(fresh.get(article));
        ((ObjectNode) record.get("revisions").get(0)).put("revisedBy", "");
        assertRefused(400, article + 1, "revisedBy must not be blank", () -> importArchive(archive(replaced(article, record.toString()))));
    }

    @Test
    void aControlCharacterIsRefused() {
        int article = firstLine("article");
        assertRefused(400, article + 1, "control character",
                () -> importArchive(archive(withField(article, "headline", "Null\u0000byte"))));
    }

    @Test
    void otherContentTypesAre415() {
        for (String type : List.of("application/json", "text/plain", "application/octet-stream")) {
            assertRefused(415, null, "application/x-ndjson", () -> asAdmin().contentType(type).body(archive(fresh)).post("/api/v1/import"));
        }
        Response jsonl = asAdmin().contentType("application/jsonl").body("not an archive".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import");
        assertEquals(400, jsonl.statusCode(), "application/jsonl is taken too");
    }

    @Test
    void anArchiveOverTheLimitIs413WhetherItsLengthIsGivenOrNot() {
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(large, (byte) ' ');
        byte[] start = fresh.get(0).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, large, 0, start.length);
        large[start.length] = '\n';
        assertRefused(413, null, "2 MB", () -> importArchive(large));
        assertRefused(413, null, "2 MB", () -> asAdmin().contentType(TransferFixtures.NDJSON)
                .body(new ByteArrayInputStream(large)).post("/api/v1/import"));
    }

    @Test
    void onlyAdminsImport() {
        Response anonymous = given().redirects().follow(false).contentType(TransferFixtures.NDJSON).body(archive(fresh))
                .post("/api/v1/import");
        assertEquals(401, anonymous.statusCode());
        assertNotNull(anonymous.header("WWW-Authenticate"));
        for (String user : List.of(TransferFixtures.EDITOR, TransferFixtures.CONTRIBUTOR)) {
            assertRefused(403, null, "Only admins", () -> as(user, TransferFixtures.PASSWORD)
                    .contentType(TransferFixtures.NDJSON).body(archive(fresh)).post("/api/v1/import"));
        }
    }

    @Test
    void theArchiveOfAFreshSiteImportsIntoAFreshSite() {
        Response imported = importArchive(archive(fresh));
        assertEquals(200, imported.statusCode(), imported.asString());
        assertEquals(35, imported.jsonPath().getInt("imported.article"));
        assertEquals(200, given().get(SEED).statusCode());
    }

    /** Sends the archive, expects a JSON error naming the line (null: none) and saying {@code problem}, and no change. */
    private void assertRefused(int status, Integer line, String problem, Supplier<Response> send) {
        Map<String, Long> before = fixtures.counts();
        Response response = send.get();
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/json", response.contentType().replaceAll(";.*", ""), response.asString());
        String message = response.jsonPath().getString("errors[0].message");
        assertTrue(message.contains(problem), "'" + message + "' says '" + problem + "'");
        if (line == null) {
            assertNull(response.jsonPath().get("errors[0].line"), response.asString());
        } else {
            assertEquals(line, response.jsonPath().getInt("errors[0].line"), response.asString());
            assertTrue(message.startsWith("Line " + line + ": "), message);
        }
        assertEquals(before, fixtures.counts(), "nothing changed");
        assertEquals(200, given().get(SEED).statusCode(), "the first start's stories are still there");
    }

    private List<String> withField(int index, String field, Object value) {
        ObjectNode record = (ObjectNode) json(fresh.get(index));
        if (value instanceof Integer number) {
            record.put(field, number);
        } else {
            record.put(field, (String) value);
        }
        return replaced(index, record.toString());
    }

    private static List<String> replaced(int index, String line) {
        List<String> lines = new ArrayList<>(fresh);
        lines.set(index, line);
        return lines;
    }

    private static int firstLine(String type) {
        for (int i = 0; i < fresh.size(); i++) {
            if (json(fresh.get(i)).get("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static int lastLine(String type) {
        for (int i = fresh.size() - 1; i >= 0; i--) {
            if (json(fresh.get(i)).get("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
