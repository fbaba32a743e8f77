package media.icaro.news.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;

/**
 * The one rule that keeps what readers see fresh: a number that every committed change moves on.
 * Whatever is derived from published content (rendered pages, the section navigation, the related
 * stories' snapshot) is kept together with the generation it was built in and is used only while that
 * generation is current. A change thus makes all of them fresh at once, before the writer's response
 * returns, without tracking which page depends on what. Changes from other instances arrive through the
 * change feed as the same event.
 */
@ApplicationScoped
public class ContentGeneration {

    /**
     * @param number moves on with every change
     * @param since when it did, to the second and strictly later than the generation before (a burst of
     *        changes within one second moves it on by a second each), so that it can serve as an HTTP
     *        {@code Last-Modified}: a page of an earlier generation always has an earlier one
     */
    public record Generation(long number, Instant since) {
    }

    private final Instance<ChangeFollower> followers;
    private final AtomicReference<Generation> current = new AtomicReference<>(
            new Generation(1, Instant.now().truncatedTo(ChronoUnit.SECONDS)));

    ContentGeneration(Instance<ChangeFollower> followers) {
        this.followers = followers;
    }

    public Generation current() {
        return current.get();
    }

    /** Fired inside a transaction, this runs once it has committed; fired outside one (the change feed), at once. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged change) {
        for (ChangeFollower follower : followers) {
            follower.follow(change);
        }
        advance();
    }

    /** Makes everything built so far out of date. */
    public void advance() {
        current.updateAndGet(previous -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant since = now.isAfter(previous.since()) ? now : previous.since().plusSeconds(1);
            return new Generation(previous.number() + 1, since);
        });
    }

    /** A value built from published content, rebuilt when the generation has moved on since. */
    public <T> Derived<T> derived(Supplier<T> build) {
        return new Derived<>(this, build);
    }

    public static final class Derived<T> {

        private record Held<T>(long generation, T value) {
        }

        private final ContentGeneration generations;
        private final Supplier<T> build;
        private volatile Held<T> held;

        private Derived(ContentGeneration generations, Supplier<T> build) {
            this.generations = generations;
            this.build = build;
        }

        /**
         * The value of the current generation; the generation is read before building, never after. One
         * reader builds it, the others of the same moment wait for it: a burst of readers after a change
         * would otherwise build it once each (at 10,000 stories, enough of them to fill the heap).
         */
        public T get() {
            long generation = generations.current().number();
            Held<T> current = held;
            if (current != null && current.generation() == generation) {
                return current.value();
            }
            synchronized (this) {
                current = held;
                if (current == null || current.generation() != generation) {
                    current = new Held<>(generation, build.get());
                    held = current;
                }
                return current.value();
            }
        }
    }
}
