package media.icaro.news.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A reader's text as a query: every word must match, in any of the weighted fields. The text is
 * analysed, never parsed, so quotes, brackets, {@code ~}, {@code *} and the like are no operators:
 * nothing expands into fuzzy, prefix or wildcard terms. Repeated words count once and the distinct
 * words are capped, so a query costs at most {@value #MAX_TERMS} term lookups per field.
 */
final class SearchQuery {

    static final int MAX_TERMS = 64;

    private SearchQuery() {
    }

    /** The distinct terms of the text as the index holds them (stemmed, without stop words), at most {@value #MAX_TERMS}. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (terms.size() < MAX_TERMS && tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string cannot fail", e);
        }
        return new ArrayList<>(terms);
    }

    /**
     * The query for the text over fields that share one analyzer, each with its weight; null when
     * the text has no searchable word.
     */
    static Query of(Analyzer analyzer, Map<String, Float> weights, String text) {
        List<String> terms = terms(analyzer, weights.keySet().iterator().next(), text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            weights.forEach((field, weight) -> anyField.add(new BoostQuery(new TermQuery(new Term(field, term)), weight),
                    Occur.SHOULD));
            all.add(anyField.build(), Occur.MUST);
        }
        return all.build();
    }
}
