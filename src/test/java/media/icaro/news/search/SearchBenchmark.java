package media.icaro.news.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.lucene.store.FSDirectory;

/**
 * Search and "more like this" latency on an index of 1,000 and of 10,000 articles, side by side in
 * one run (ratios matter on a shared machine, not absolute numbers). Articles are made from the
 * demo stories' sentences, so the vocabulary is real. Run with src/test/bench/search.sh.
 */
public final class SearchBenchmark {

    static final String[] QUERIES = { "Putin", "North Korea", "\"interest rates\"", "Vostochny", "central bank inflation",
            "election results parliament", "rare1234", "glaciers", "the", "football OR cinema" };

    public static void main(String[] args) throws IOException {
        List<String> sentences = sentences();
        System.out.printf("%-8s %-10s %10s %10s %10s %12s%n", "size", "operation", "p50 ms", "p95 ms", "p99 ms", "build s");
        for (int size : new int[] { 1_000, 10_000 }) {
            Path dir = Files.createTempDirectory("search-bench");
            try (LuceneIndex index = new LuceneIndex(FSDirectory.open(dir))) {
                long start = System.nanoTime();
                index.replaceAll(corpus(size, sentences), Instant.now());
                double build = (System.nanoTime() - start) / 1e9;
                Instant now = Instant.now();
                for (int i = 0; i < 200; i++) {
                    index.search(QUERIES[i % QUERIES.length], 1, 20, now);
                }
                double[] search = new double[1000];
                for (int i = 0; i < search.length; i++) {
                    long t = System.nanoTime();
                    index.search(QUERIES[i % QUERIES.length], 1 + i % 3, 20, now);
                    search[i] = (System.nanoTime() - t) / 1e6;
                }
                double[] similar = new double[300];
                Random random = new Random(7);
                for (int i = 0; i < similar.length; i++) {
                    long t = System.nanoTime();
                    index.similarTo(1 + random.nextInt(size), 20);
                    similar[i] = (System.nanoTime() - t) / 1e6;
                }
                print(size, "search", search, build);
                print(size, "similar", similar, build);
            }
        }
    }

    private static void print(int size, String operation, double[] millis, double build) {
        Arrays.sort(millis);
        System.out.printf("%-8d %-10s %10.2f %10.2f %10.2f %12.1f%n", size, operation, millis[millis.length / 2],
                millis[(int) (millis.length * 0.95)], millis[(int) (millis.length * 0.99)], build);
    }

    static List<SearchDocument> corpus(int size, List<String> sentences) {
        Random random = new Random(42);
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        List<SearchDocument> documents = new ArrayList<>(size);
        for (int id = 1; id <= size; id++) {
            StringBuilder body = new StringBuilder();
            for (int s = 0; s < 8 + random.nextInt(8); s++) {
                body.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            body.append("rare").append(random.nextInt(5000));
            Instant published = start.plus(random.nextInt(4 * 365 * 24), ChronoUnit.HOURS);
            documents.add(new SearchDocument(id, sentences.get(random.nextInt(sentences.size())), null, body.toString(),
                    List.of("Tag " + random.nextInt(200)), List.of("Reporter " + random.nextInt(30)), "politics", "Politics",
                    "/politics/" + id, published, published));
        }
        return documents;
    }

    static List<String> sentences() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String name : read("content/demo/index.txt").split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            String text = read("content/demo/" + name.strip());
            for (String sentence : text.substring(text.indexOf("\n\n") + 2).split("(?<=[.!?])\\s+")) {
                if (sentence.length() > 30 && !sentence.startsWith("#")) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SearchBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
