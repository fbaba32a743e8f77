package media.icaro.news.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;

import io.quarkus.runtime.ImageMode;

import media.icaro.news.article.TextSimilarity.TextMatch;
import media.icaro.news.domain.CleanText;

/**
 * The Lucene index of every article, without any framework: readers' full-text search with headline
 * matches weighted up and a gentle preference for recent stories, and "more like this" for related
 * stories, both over live articles only; and the newsroom's search, over every article whatever its
 * status. Thread-safe; writes are expected from one thread at a time.
 */
final class LuceneIndex implements Closeable {

    static final String ID = "id";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String BYLINES = "bylines";
    /** Headline, standfirst and body again, unstemmed and with term vectors: the text "more like this" compares. */
    static final String SIMILAR = "similar";
    static final String SECTION_SLUG = "sectionSlug";
    static final String SECTION_NAME = "sectionName";
    static final String URL = "url";
    static final String PUBLISHED = "published";
    /** "yes" on an article whose status is published: readers may see it once its publication time has come. */
    static final String PUBLIC = "public";
    static final String SCHEMA = "schema";
    /** Commit data: the newest article modification (epoch seconds) the index has seen, published or not. */
    static final String LATEST = "latest";
    /** Bump when the document shape changes: an index of another schema is rebuilt. */
    static final String SCHEMA_VERSION = "3";

    /** Distinctive words reported per similar story, strongest first. */
    static final int SHARED_TERMS = 8;
    static final int MAX_QUERY_CHARS = 2000;
    static final int MAX_QUERY_WORDS = 64;

    private static final Map<String, Float> WEIGHTS = Map.of(HEADLINE, 4f, STANDFIRST, 2f, TAGS, 2f, BYLINES, 1f, BODY, 1f);
    /** The newsroom searches the text an editor wrote: headline, standfirst and body. */
    private static final Map<String, Float> NEWSROOM_WEIGHTS = Map.of(HEADLINE, 4f, STANDFIRST, 2f, BODY, 1f);
    private static final FieldType SIMILAR_TYPE = similarType();
    /**
     * BM25 everywhere, but a long report is not ranked below a brief for mentioning a word as
     * often: no length normalisation on the body.
     */
    private static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity standard = new BM25Similarity();
        private final Similarity body = new BM25Similarity(1.2f, 0f);

        @Override
        public Similarity get(String field) {
            return BODY.equals(field) ? body : standard;
        }
    };

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
            Map.of(SIMILAR, new UnstemmedEnglish()));
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private long latestSeconds;

    /**
     * The index in a folder: memory-mapped on the JVM; read and written through file channels in a
     * native image, where Lucene's unmapping through {@code sun.misc.Unsafe} is not available.
     */
    static LuceneIndex open(Path path) throws IOException {
        Directory directory = ImageMode.current() == ImageMode.NATIVE_RUN ? new NIOFSDirectory(path) : FSDirectory.open(path);
        return new LuceneIndex(directory);
    }

    LuceneIndex(Directory directory) throws IOException {
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setSimilarity(SIMILARITY)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        try {
            writer.commit();
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(SIMILARITY);
                    return searcher;
                }
            });
        } catch (IOException | RuntimeException e) {
            // On a full disk the first commit fails: release the write lock, or no later attempt can open the index.
            writer.rollback();
            throw e;
        }
        latestSeconds = state().latestSeconds();
    }

    /** False once Lucene has closed the writer for good after a failed write (a full disk): open the index again. */
    boolean isOpen() {
        return writer.isOpen();
    }

    /** How many documents (articles of any status) the index holds, and whether it was written with the current schema. */
    record State(int documents, long latestSeconds, boolean currentSchema) {
    }

    State state() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            return new State(reader.numDocs(), Long.parseLong(data.getOrDefault(LATEST, "0")),
                    SCHEMA_VERSION.equals(data.get(SCHEMA)));
        }
    }

    /** Replaces everything; {@code latest} is the newest modification among all articles. */
    void replaceAll(Collection<SearchDocument> documents, Instant latest) throws IOException {
        writer.deleteAll();
        for (SearchDocument document : documents) {
            writer.addDocument(toLucene(document));
        }
        latestSeconds = latest == null ? 0 : latest.getEpochSecond();
        commit();
    }

    /** Visible to searches at once; durable at the next {@link #commit()}. */
    void upsert(SearchDocument document) throws IOException {
        writer.updateDocument(new Term(ID, String.valueOf(document.id())), toLucene(document));
        saw(document.modifiedAt());
        searchers.maybeRefreshBlocking();
    }

    /** Removes an article that no longer exists; {@code modifiedAt} is when that was noticed. */
    void delete(long id, Instant modifiedAt) throws IOException {
        writer.deleteDocuments(new Term(ID, String.valueOf(id)));
        saw(modifiedAt);
        searchers.maybeRefreshBlocking();
    }

    private void saw(Instant modifiedAt) {
        if (modifiedAt != null) {
            latestSeconds = Math.max(latestSeconds, modifiedAt.getEpochSecond());
        }
    }

    SearchResults search(String rawQuery, int page, int pageSize, Instant now) throws IOException {
        String text = clean(rawQuery);
        if (text.isEmpty()) {
            return new SearchResults(text, List.of(), 0, page, pageSize);
        }
        Query parsed = SearchQuery.of(analyzer, WEIGHTS, text);
        if (parsed == null) {
            return new SearchResults(text, List.of(), 0, page, pageSize);
        }
        Query ranked = FunctionScoreQuery.boostByValue(live(parsed, now), new RecencyBoost(now.getEpochSecond()));
        IndexSearcher searcher = searchers.acquire();
        try {
            int wanted = page * pageSize;
            TopDocs top = searcher.search(ranked, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
            ScoreDoc[] window = Arrays.copyOfRange(top.scoreDocs, Math.min((page - 1) * pageSize, top.scoreDocs.length),
                    top.scoreDocs.length);
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(200_000)
                    .build();
            String[] snippets = highlighter.highlight(BODY, parsed, new TopDocs(top.totalHits, window), 2);
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (int i = 0; i < window.length; i++) {
                Document doc = searcher.storedFields().document(window[i].doc);
                String snippet = snippets[i] != null ? snippets[i] : escape(doc.get(STANDFIRST));
                hits.add(new SearchResults.Hit(Long.parseLong(doc.get(ID)), doc.get(HEADLINE), doc.get(URL),
                        doc.get(SECTION_SLUG), doc.get(SECTION_NAME),
                        Instant.ofEpochSecond(doc.getField(PUBLISHED).numericValue().longValue()), snippet));
            }
            return new SearchResults(text, hits, top.totalHits.value, page, pageSize);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The query restricted to what readers may see: published articles whose time has come. The
     * index also holds drafts, scheduled and unpublished articles for the newsroom; every reader's
     * query goes through here.
     */
    private static Query live(Query query, Instant now) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(new TermQuery(new Term(PUBLIC, "yes")), Occur.FILTER)
                .add(LongPoint.newRangeQuery(PUBLISHED, Long.MIN_VALUE, now.getEpochSecond()), Occur.FILTER)
                .build();
    }

    /**
     * The newsroom's search: ids of the articles of any status whose headline, standfirst or body
     * has every word of the text, best first, at most {@code limit}; null when the text has no
     * searchable word (only stop words, or nothing).
     */
    List<Long> newsroomMatches(String rawQuery, int limit) throws IOException {
        Query parsed = SearchQuery.of(analyzer, NEWSROOM_WEIGHTS, clean(rawQuery));
        if (parsed == null) {
            return null;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(parsed, limit).scoreDocs) {
                ids.add(Long.parseLong(searcher.storedFields().document(hit.doc, Set.of(ID)).get(ID)));
            }
            return ids;
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Stories whose text is most like the given one's, scored against the story itself (1 would be a
     * copy), with the distinctive words they share, most distinctive first.
     */
    Map<Long, TextMatch> similarTo(long id, int limit) throws IOException {
        Instant now = Instant.now();
        IndexSearcher searcher = searchers.acquire();
        try {
            // Only a live story has related stories, as before the index held drafts too.
            TopDocs self = searcher.search(live(new TermQuery(new Term(ID, String.valueOf(id))), now), 1);
            if (self.scoreDocs.length == 0) {
                return Map.of();
            }
            int docNum = self.scoreDocs[0].doc;
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] { SIMILAR });
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMaxDocFreqPct(40);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(30);
            mlt.setBoost(true);
            Query like = live(mlt.like(docNum), now);
            // MoreLikeThis hands the terms back weakest first.
            List<String> interesting = new ArrayList<>(Arrays.asList(mlt.retrieveInterestingTerms(docNum)));
            java.util.Collections.reverse(interesting);
            TopDocs top = searcher.search(like, limit + 1);
            float selfScore = 0;
            for (ScoreDoc hit : top.scoreDocs) {
                if (hit.doc == docNum) {
                    selfScore = hit.score;
                }
            }
            if (selfScore == 0 && top.scoreDocs.length > 0) {
                selfScore = top.scoreDocs[0].score;
            }
            Document subject = searcher.storedFields().document(docNum);
            String subjectText = subject.get(HEADLINE) + " " + nullToEmpty(subject.get(STANDFIRST)) + " " + subject.get(BODY);
            Map<Long, TextMatch> matches = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                if (hit.doc == docNum || matches.size() == limit) {
                    continue;
                }
                long otherId = Long.parseLong(searcher.storedFields().document(hit.doc).get(ID));
                List<String> shared = sharedTerms(searcher, hit.doc, interesting, subjectText);
                matches.put(otherId, new TextMatch(Math.min(1.0, hit.score / selfScore), shared));
            }
            return matches;
        } finally {
            searchers.release(searcher);
        }
    }

    private static List<String> sharedTerms(IndexSearcher searcher, int doc, List<String> interesting, String subjectText)
            throws IOException {
        Terms vector = searcher.getIndexReader().termVectors().get(doc, SIMILAR);
        List<String> shared = new ArrayList<>();
        if (vector == null) {
            return shared;
        }
        TermsEnum terms = vector.iterator();
        // Only words that set a few stories apart; "during" or "minister" relate nothing.
        int maxDocFreq = Math.max(2, (int) (searcher.getIndexReader().numDocs() * 0.15));
        for (String term : interesting) {
            if (shared.size() == SHARED_TERMS) {
                break;
            }
            if (terms.seekExact(new BytesRef(term)) && searcher.getIndexReader().docFreq(new Term(SIMILAR, term)) <= maxDocFreq) {
                shared.add(displayForm(term, subjectText));
            }
        }
        return shared;
    }

    /** The word as the story writes it: "pyongyang" reads "Pyongyang", but "during" stays lower-case. */
    private static String displayForm(String term, String text) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        String first = null;
        while (m.find()) {
            if (m.group().equals(term)) {
                return term;
            }
            if (first == null) {
                first = m.group();
            }
        }
        return first == null ? term : first;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    /**
     * Makes the changes durable. Until then a crash loses them, and the catch-up at the next start
     * finds them again: the commit records the newest change it includes.
     */
    void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA, SCHEMA_VERSION, LATEST, String.valueOf(latestSeconds)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField(ID, String.valueOf(d.id()), Field.Store.YES));
        doc.add(new TextField(HEADLINE, d.headline(), Field.Store.YES));
        doc.add(new TextField(STANDFIRST, nullToEmpty(d.standfirst()), Field.Store.YES));
        doc.add(new TextField(BODY, d.bodyText(), Field.Store.YES));
        doc.add(new TextField(TAGS, String.join(" , ", d.tags()), Field.Store.NO));
        doc.add(new TextField(BYLINES, String.join(" , ", d.bylines()), Field.Store.NO));
        doc.add(new Field(SIMILAR, d.headline() + "\n" + nullToEmpty(d.standfirst()) + "\n" + d.bodyText(), SIMILAR_TYPE));
        doc.add(new StoredField(SECTION_SLUG, d.sectionSlug()));
        doc.add(new StoredField(SECTION_NAME, d.sectionName()));
        doc.add(new StringField(PUBLIC, d.published() ? "yes" : "no", Field.Store.NO));
        // A draft may have neither an address nor a publication time yet.
        if (d.url() != null) {
            doc.add(new StoredField(URL, d.url()));
        }
        if (d.publishedAt() != null) {
            long published = d.publishedAt().getEpochSecond();
            doc.add(new LongPoint(PUBLISHED, published));
            doc.add(new NumericDocValuesField(PUBLISHED, published));
            doc.add(new StoredField(PUBLISHED, published));
        }
        return doc;
    }

    private static FieldType similarType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    /** Any text is a safe query: control characters go, and it is cut to a sane length and word count (see also {@link SearchQuery}). */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = CleanText.singleLine(raw).strip();
        if (text.length() > MAX_QUERY_CHARS) {
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        String[] words = text.split("\\s+");
        if (words.length > MAX_QUERY_WORDS) {
            text = String.join(" ", Arrays.copyOf(words, MAX_QUERY_WORDS));
        }
        return text.strip();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Words as written, lower-cased, without possessives or stop words: "Russia's" counts as "russia". */
    static final class UnstemmedEnglish extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream words = new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)),
                    EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, words);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Multiplies a match's score by up to 1.3 for a story published today, fading by half every 90 days. */
    static final class RecencyBoost extends DoubleValuesSource {

        private static final double MAX_EXTRA = 0.3;
        private static final double HALF_LIFE_DAYS = 90;

        private final long nowSeconds;

        RecencyBoost(long nowSeconds) {
            this.nowSeconds = nowSeconds;
        }

        @Override
        public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
            NumericDocValues published = DocValues.getNumeric(ctx.reader(), PUBLISHED);
            return new DoubleValues() {
                private double value;

                @Override
                public double doubleValue() {
                    return value;
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    value = published.advanceExact(doc) ? factor(published.longValue()) : 1.0;
                    return true;
                }
            };
        }

        double factor(long publishedSeconds) {
            double ageDays = Math.max(0, nowSeconds - publishedSeconds) / 86400.0;
            return 1.0 + MAX_EXTRA * Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
        }

        @Override
        public boolean needsScores() {
            return false;
        }

        @Override
        public DoubleValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public boolean isCacheable(LeafReaderContext ctx) {
            return DocValues.isCacheable(ctx, PUBLISHED);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(nowSeconds);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RecencyBoost boost && boost.nowSeconds == nowSeconds;
        }

        @Override
        public String toString() {
            return "recency(" + nowSeconds + ")";
        }
    }
}
