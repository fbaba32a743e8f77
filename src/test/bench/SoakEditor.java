import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor of the soak test (src/test/bench/soak.sh): every few seconds, publishes a story through
 * the JSON API of the first instance, or edits the last one, and measures how long until every
 * instance shows it (the new page, or the new headline on it). Prints one line per write, then a
 * summary per instance; exits non-zero if a write failed or an instance never showed it.
 *
 *   java src/test/bench/SoakEditor.java SECONDS EVERY_MS USER PASSWORD BASE_URL [BASE_URL...]
 */
public class SoakEditor {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final long GIVE_UP_MS = 10_000;

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        long everyMs = Long.parseLong(args[1]);
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[2] + ":" + args[3]).getBytes(StandardCharsets.UTF_8));
        List<String> bases = List.of(args).subList(4, args.length);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<List<Long>> visible = new ArrayList<>();
        bases.forEach(b -> visible.add(new ArrayList<>()));
        int failures = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String lastId = null;
        String lastUrl = null;
        String lastVersion = null;
        for (int n = 1; System.nanoTime() < end; n++) {
            long started = System.nanoTime();
            boolean edit = lastId != null && n % 2 == 0;
            String headline = (edit ? "Soak edit " : "Soak story ") + n + " at " + System.currentTimeMillis();
            String body = "{\"headline\": \"" + headline + "\", \"body\": \"Soak body " + n + ".\", \"section\": \"politics\","
                    + " \"tags\": [\"Soak\"], \"status\": \"published\"" + (edit ? ", \"version\": " + lastVersion : "") + "}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bases.get(0) + "/api/v1/articles" + (edit ? "/" + lastId : "")))
                    .header("Authorization", auth).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
            HttpResponse<String> answer;
            try {
                answer = http.send((edit ? request.PUT(HttpRequest.BodyPublishers.ofString(body))
                        : request.POST(HttpRequest.BodyPublishers.ofString(body))).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                System.out.println("write " + n + " failed: " + e);
                failures++;
                continue;
            }
            long acknowledged = System.nanoTime();
            if (answer.statusCode() != (edit ? 200 : 201)) {
                System.out.println("write " + n + " answered " + answer.statusCode() + ": " + answer.body());
                failures++;
                lastId = null;
                continue;
            }
            lastId = find(ID, answer.body());
            lastUrl = find(URL, answer.body());
            lastVersion = find(VERSION, answer.body());
            StringBuilder line = new StringBuilder((edit ? "edit " : "publish ") + n + ":");
            for (int i = 0; i < bases.size(); i++) {
                long ms = awaitVisible(http, bases.get(i) + lastUrl, headline, acknowledged);
                if (ms < 0) {
                    failures++;
                    line.append(" instance ").append(i + 1).append(" never showed it");
                } else {
                    visible.get(i).add(ms);
                    line.append(" instance ").append(i + 1).append(' ').append(ms).append(" ms");
                }
            }
            System.out.println(line);
            long rest = everyMs - (System.nanoTime() - started) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        for (int i = 0; i < bases.size(); i++) {
            List<Long> ms = visible.get(i);
            Collections.sort(ms);
            if (ms.isEmpty()) {
                System.out.println("instance " + (i + 1) + ": nothing became visible");
                continue;
            }
            System.out.printf("instance %d: %d writes visible after the API's answer in median %d ms, p99 %d ms, max %d ms%n",
                    i + 1, ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1));
        }
        System.out.println("editor failures: " + failures);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Milliseconds from the API's answer until the page shows the headline, or -1 after ten seconds. */
    private static long awaitVisible(HttpClient http, String url, String headline, long acknowledged) throws InterruptedException {
        String escaped = headline.replace("&", "&amp;");
        while (true) {
            try {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() == 200 && page.body().contains(escaped)) {
                    return (System.nanoTime() - acknowledged) / 1_000_000;
                }
            } catch (Exception e) {
                // counted as not yet visible
            }
            if ((System.nanoTime() - acknowledged) / 1_000_000 > GIVE_UP_MS) {
                return -1;
            }
            Thread.sleep(10);
        }
    }

    private static String find(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return m.group(1);
    }
}
