package media.icaro.news.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** What a reader's text can make the index do: only term lookups, and a bounded number of them. */
class SearchQueryTest {

    private static final Map<String, Float> FIELDS = Map.of("headline", 4f, "body", 1f);
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();

    @Test
    void operatorsAreNoOperators() {
        assertEquals(List.of("putin", "2"), SearchQuery.terms(analyzer, "body", "putin~2 ".repeat(64)));
        assertEquals(List.of("vostochni"), SearchQuery.terms(analyzer, "body", "vostochny*"));
        assertEquals(List.of("kim", "jong", "un"), SearchQuery.terms(analyzer, "body", "\"Kim (Jong] Un\" AND -+|"));
        assertEquals(termQueries(2 * FIELDS.size()), leaves(SearchQuery.of(analyzer, FIELDS, "putin~2 ".repeat(64))),
                "two words, each looked up once in each field");
        assertNull(SearchQuery.of(analyzer, FIELDS, "* ~ ? \" the of"));
    }

    @Test
    void anyTextCostsAtMostSixtyFourTermsPerField() {
        String manyTerms = IntStream.range(0, 1000).mapToObj(i -> "w" + i).collect(Collectors.joining("-"));
        List<String> terms = SearchQuery.terms(analyzer, "body", manyTerms);
        assertEquals(SearchQuery.MAX_TERMS, terms.size());
        assertEquals("w0", terms.get(0));
        assertEquals(termQueries(SearchQuery.MAX_TERMS * FIELDS.size()), leaves(SearchQuery.of(analyzer, FIELDS, manyTerms)));
    }

    private static List<String> termQueries(int count) {
        return IntStream.range(0, count).mapToObj(i -> "TermQuery").toList();
    }

    /** The kinds of the query's leaves: only term queries, never one that expands. */
    private static List<String> leaves(Query query) {
        List<String> leaves = new ArrayList<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, org.apache.lucene.index.Term... terms) {
                leaves.add(leaf.getClass().getSimpleName());
            }

            @Override
            public void visitLeaf(Query leaf) {
                leaves.add(leaf.getClass().getSimpleName());
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        assertTrue(leaves.stream().allMatch(TermQuery.class.getSimpleName()::equals), leaves.toString());
        return leaves;
    }
}
