package media.icaro.news.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import media.icaro.news.domain.ContentGeneration;

/**
 * Makes the smaller versions of images stored before they were made (migration V12), in the background
 * shortly after start, one image per transaction, so that a site with many images starts at once and
 * shows its originals meanwhile. Runs again now and then for any image a failure left without them.
 * Several instances may run it at the same time: each image is recorded by whichever finishes it first
 * ({@link ImageRepository#claimRenditions}), and the others' work on it is dropped.
 */
@ApplicationScoped
class RenditionBackfill {

    private static final Logger LOG = Logger.getLogger(RenditionBackfill.class);
    private static final int BATCH = 50;

    private final ImageRepository images;
    private final ImageService service;
    private final ContentGeneration generations;

    RenditionBackfill(ImageRepository images, ImageService service, ContentGeneration generations) {
        this.images = images;
        this.service = service;
        this.generations = generations;
    }

    @Scheduled(every = "${news.media.backfill-every:10m}", delayed = "${news.media.backfill-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int done = 0;
        long after = 0;
        List<Long> batch;
        do {
            long from = after;
            batch = new ArrayList<>(QuarkusTransaction.requiringNew().call(() -> images.idsWithoutRenditions(from, BATCH)));
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1);
            }
            // Two instances starting together then work mostly on different images.
            Collections.shuffle(batch);
            for (long id : batch) {
                if (makeFor(id)) {
                    done++;
                }
            }
        } while (batch.size() == BATCH);
        if (done > 0) {
            // Pages rendered before show these images without their sizes and smaller versions.
            generations.advance();
            LOG.infof("Made the smaller versions of %d images stored before they were made", done);
        }
    }

    /** Whether the image has its versions now, made here or by another instance meanwhile. */
    private boolean makeFor(long id) {
        Optional<byte[]> data = QuarkusTransaction.requiringNew().call(() -> images.findDataWithoutRenditions(id));
        if (data.isEmpty()) {
            return false;
        }
        RenditionMaker.Made made = service.whatCanBeMade(data.get());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (images.claimRenditions(id, made)) {
                    images.addRenditions(id, made.renditions());
                }
            });
            return true;
        } catch (RuntimeException e) {
            // Another instance held the row too long, or the database went away: the next run tries again.
            LOG.warnf("Could not store the smaller versions of image %d: %s", id, e.getMessage());
            return false;
        }
    }
}
