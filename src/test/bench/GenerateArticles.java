import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a running site with N realistic published articles through the JSON API, so that every one
 * goes through the same service, revisions and search index as an editor's: spread over the demo
 * sections, the last three years, 400 tags (a few common, most rare) and 60 authors, with bodies of
 * four to nine paragraphs. Deterministic (a fixed seed), so two runs make the same site.
 *
 *   java src/test/bench/GenerateArticles.java http://127.0.0.1:8080 admin password 10000
 */
public class GenerateArticles {

    private static final String[] SECTIONS = { "politics", "world", "business", "technology", "science", "culture" };
    private static final String[] WORDS = ("harbour council budget election minister summit treaty market shares inflation "
            + "bank rates energy grid solar wind storm flood drought harvest wheat ports shipping rail strike union wages "
            + "court ruling appeal inquiry report hospital vaccine research telescope satellite launch orbit climate "
            + "glacier forest museum festival film music theatre league final coach stadium chip factory software "
            + "platform privacy data network cable bridge tunnel housing rents mayor region border talks ceasefire "
            + "envoy sanctions exports imports tariff currency bond investors profit merger startup robot battery "
            + "mine copper lithium drought river coast island village city capital province parliament senate vote "
            + "reform pension tax schools teachers students exam science prize discovery fossil species ocean").split(" ");
    private static final String[] FIRST = ("Anna Marco Giulia Luca Sofia Paolo Elena Davide Chiara Matteo Sara Andrea "
            + "Laura Pietro Irene Tomas Nadia Yusuf Mei Olga").split(" ");
    private static final String[] LAST = "Rossi Bianchi Moretti Conti Ricci Marino Greco Bruno Gallo Costa Fontana Caruso"
            .split(" ");

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java GenerateArticles.java <base-url> <user> <password> <count>");
            System.exit(2);
        }
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int count = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                String json = article(new Random(7919L * n + 17), n, now, count);
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("Article " + n + ": " + response.statusCode() + " " + response.body());
                }
                int finished = done.incrementAndGet();
                if (finished % 1000 == 0) {
                    System.out.printf("%d articles (%.0f/s)%n", finished, finished / ((System.nanoTime() - started) / 1e9));
                }
                return null;
            }));
        }
        for (Future<?> result : results) {
            result.get();
        }
        pool.shutdown();
        System.out.printf("Created %d articles in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    private static String article(Random random, int n, Instant now, int count) {
        String headline = capitalise(words(random, 6 + random.nextInt(5))) + " " + n;
        String standfirst = random.nextInt(4) == 0 ? null : capitalise(words(random, 18 + random.nextInt(12))) + ".";
        StringBuilder body = new StringBuilder();
        for (int p = 4 + random.nextInt(6); p > 0; p--) {
            body.append(capitalise(words(random, 40 + random.nextInt(50)))).append(".\n\n");
        }
        List<String> tags = new ArrayList<>();
        for (int t = 1 + random.nextInt(4); t > 0; t--) {
            // Skewed: tag 0 is on many stories, tag 399 on a few.
            int tag = (int) Math.min(399, Math.floor(Math.pow(random.nextDouble(), 2.5) * 400));
            String name = "Topic " + WORDS[tag % WORDS.length] + " " + (tag / WORDS.length + 1);
            if (!tags.contains(name)) {
                tags.add(name);
            }
        }
        List<String> bylines = new ArrayList<>();
        for (int b = random.nextInt(6) == 0 ? 2 : 1; b > 0; b--) {
            int author = random.nextInt(60);
            String name = FIRST[author % FIRST.length] + " " + LAST[author % LAST.length];
            if (!bylines.contains(name)) {
                bylines.add(name);
            }
        }
        // Evenly over three years, newest last, so ids follow time as in a real archive.
        Instant publishedAt = now.minus(Duration.ofDays(3 * 365).multipliedBy(count - n).dividedBy(count + 1))
                .minusSeconds(60);
        return "{" + field("headline", headline) + "," + field("standfirst", standfirst) + "," + field("body", body.toString())
                + "," + field("section", SECTIONS[random.nextInt(SECTIONS.length)]) + "," + list("tags", tags) + ","
                + list("bylines", bylines) + "," + field("status", "published") + "," + field("publishedAt", publishedAt.toString())
                + "}";
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + (value == null ? "null" : quote(value));
    }

    private static String list(String name, List<String> values) {
        return quote(name) + ":[" + String.join(",", values.stream().map(GenerateArticles::quote).toList()) + "]";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
