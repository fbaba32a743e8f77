package media.icaro.news.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Revisions are stored as JSON and kept for good: every form they were ever written in must still read. */
@QuarkusTest
class RevisionSnapshotTest {

    @Inject
    ObjectMapper json;

    @Test
    void pinsSavedAsNumbersReadAsReferences() {
        String saved = """
                {"status":"PUBLISHED","content":{"headline":"An older revision","body":"Body.","section":"politics",
                "kind":"NEWS","publishedAt":"2024-06-18T17:15:00Z","bylines":["Writer"],"tags":[],
                "disclaimerMode":"SITE_DEFAULT","pinnedRelated":[7,9],"imageId":null,"minor":false}}""";
        ArticleInput input = RevisionSnapshot.read(json, saved).toInput();
        assertEquals(List.of("7", "9"), input.pinnedRelated());
        assertEquals("An older revision", input.headline());
    }
}
