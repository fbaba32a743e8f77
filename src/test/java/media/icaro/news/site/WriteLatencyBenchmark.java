package media.icaro.news.site;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What durable commits cost: API create latency on two copies of the packaged application side by
 * side, one as it ships (each commit written to the H2 file before the answer, connections checked
 * before use) and one with H2's former behaviour (commits written up to 500 ms later, connections
 * not checked). Creates alternate between the two, so that the shared machine's load falls on both
 * alike. Run with src/test/bench/durable-writes.sh.
 */
public final class WriteLatencyBenchmark {

    static final int WARM_UP = 30;
    static final int CREATES = 300;

    public static void main(String[] args) throws IOException {
        Path root = Path.of("target", "bench", "durable-writes");
        PackagedApp.deleteTree(root);
        try (PackagedApp durable = PackagedApp.start(root.resolve("durable"));
                PackagedApp delayed = PackagedApp.start(root.resolve("delayed"), Map.of(
                        "QUARKUS_DATASOURCE_JDBC_NEW_CONNECTION_SQL", "SET WRITE_DELAY 500",
                        "QUARKUS_DATASOURCE_JDBC_VALIDATE_ON_BORROW", "false"))) {
            for (int i = 0; i < WARM_UP; i++) {
                create(durable, "Warm-up " + i);
                create(delayed, "Warm-up " + i);
            }
            double[] durableMs = new double[CREATES];
            double[] delayedMs = new double[CREATES];
            for (int i = 0; i < CREATES; i++) {
                durableMs[i] = create(durable, "Measured " + i);
                delayedMs[i] = create(delayed, "Measured " + i);
            }
            System.out.printf("API create, %d sequential each, alternating%n", CREATES);
            System.out.printf("%-34s %8s %8s %8s %8s%n", "", "p50 ms", "p95 ms", "p99 ms", "mean ms");
            print("delayed (WRITE_DELAY 500, before)", delayedMs);
            print("durable (WRITE_DELAY 0, after)", durableMs);
            durable.stop();
            delayed.stop();
        }
    }

    private static double create(PackagedApp app, String headline) throws IOException {
        long start = System.nanoTime();
        HttpResponse<String> response = app.createArticle(headline);
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create answered " + response.statusCode() + ": " + response.body());
        }
        return ms;
    }

    private static void print(String label, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s %8.1f %8.1f %8.1f %8.1f%n", label, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                Arrays.stream(ms).average().orElse(0));
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
