package media.icaro.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 201 means the article is on disk: the packaged application is killed with SIGKILL while 5
 * clients create 50 articles through the API, and after a restart every article it acknowledged is
 * there. Five rounds on the same data, each killed after a different number of acknowledgements.
 */
class KillDuringWritesIT {

    static final Path DATA = Path.of("target", "fault-tests", "kill-during-writes");
    static final int ROUNDS = 5;
    static final int CREATES = 50;
    static final int CLIENTS = 5;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyAcknowledgedCreateSurvivesAKill() throws Exception {
        PackagedApp.deleteTree(DATA);
        List<String> lost = new ArrayList<>();
        int acknowledged = 0;
        try (PackagedApp app = PackagedApp.start(DATA)) {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Long> ids = createUntilKilled(app, round, 5 + 5 * round);
                acknowledged += ids.size();
                app.restart();
                List<Long> missing = app.missing(ids);
                System.out.printf("Round %d: %d creates answered 201 before SIGKILL, %d missing after restart%n", round,
                        ids.size(), missing.size());
                if (!missing.isEmpty()) {
                    lost.add("round " + round + ": " + missing.size() + " of " + ids.size() + " " + missing);
                }
            }
            app.stop();
        }
        assertTrue(acknowledged >= ROUNDS * 5, "too few creates were acknowledged for the test to mean anything");
        assertEquals(List.of(), lost, "acknowledged articles lost after kill -9 (see " + DATA + ".log)");
    }

    /** Sends the creates, 5 at a time, and kills the application once {@code killAfter} answered 201. */
    private static List<Long> createUntilKilled(PackagedApp app, int round, int killAfter) throws InterruptedException {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 1; i <= CREATES; i++) {
            String headline = "Round " + round + " story " + i;
            clients.submit(() -> {
                if (killed.get()) {
                    return;
                }
                try {
                    HttpResponse<String> response = app.createArticle(headline);
                    if (response.statusCode() == 201) {
                        ids.add(PackagedApp.id(response));
                        if (ids.size() >= killAfter && killed.compareAndSet(false, true)) {
                            app.kill();
                        }
                    }
                } catch (IOException e) {
                    // The application died under this request: it was never acknowledged.
                }
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "the creates did not finish");
        if (killed.compareAndSet(false, true)) {
            app.kill();
        }
        return new ArrayList<>(ids);
    }
}
