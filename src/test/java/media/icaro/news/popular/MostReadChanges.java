package media.icaro.news.popular;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import media.icaro.news.domain.ContentChanged;

/** Counts the changes Most read fires, which other work moving the generation (the search index catching up) does not blur. */
@ApplicationScoped
public class MostReadChanges {

    private final AtomicInteger fired = new AtomicInteger();

    void onChange(@Observes ContentChanged change) {
        if (change.subject() == ContentChanged.Subject.MOST_READ) {
            fired.incrementAndGet();
        }
    }

    public int fired() {
        return fired.get();
    }
}
