package media.icaro.news.media;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import media.icaro.news.domain.FieldErrors;

/**
 * Feature images: JPEG, PNG or WebP up to 5 MB and 50 megapixels, recognised by their first bytes,
 * never by their name. An image is immutable: a new upload is a new image, so it can be cached for ever.
 */
@ApplicationScoped
public class ImageService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Beyond these, decoding the image (to show or resize it) needs hundreds of megabytes. */
    static final long MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 50_000_000;

    private final ImageRepository images;
    private final ImageCache cache;

    ImageService(ImageRepository images, ImageCache cache) {
        this.images = images;
        this.cache = cache;
    }

    /** Says in the given field what is wrong with an upload, if anything; stores nothing. */
    public void check(byte[] data, String field, FieldErrors errors) {
        if (data == null || data.length == 0) {
            errors.add(field, "Choose an image file");
        } else if (data.length > MAX_BYTES) {
            errors.add(field, "The image is larger than 5 MB");
        } else if (contentType(data) == null) {
            errors.add(field, "That file is not a JPEG, PNG or WebP image");
        } else {
            ImageDimensions size = ImageDimensions.of(data);
            if (size == null) {
                errors.add(field, "The image's size cannot be read: save it again as a JPEG, PNG or WebP");
            } else if (size.width() > MAX_SIDE || size.height() > MAX_SIDE || size.pixels() > MAX_PIXELS) {
                errors.add(field, "The image is " + size.width() + " × " + size.height() + " pixels: keep it within "
                        + MAX_SIDE + " pixels a side and " + MAX_PIXELS / 1_000_000 + " megapixels");
            }
        }
    }

    /** Stores an upload, or says in the given field what is wrong with it. */
    @Transactional
    public long store(byte[] data, String field) {
        return store(data, field, Instant.now());
    }

    /**
     * Stores an image moved from another site by a site import, checked as an upload is, with the time
     * it was first stored there; or says in the given field what is wrong with it.
     */
    @Transactional
    public long store(byte[] data, String field, Instant createdAt) {
        FieldErrors errors = new FieldErrors();
        check(data, field, errors);
        errors.throwIfAny();
        Image image = new Image();
        image.contentType = contentType(data);
        image.byteSize = data.length;
        image.data = data;
        image.createdAt = createdAt;
        images.persist(image);
        return image.id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long id) {
        return images.exists(id);
    }

    /** The image to serve, held in memory after its first read (see {@link ImageCache}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredImage> load(long id) {
        return cache.get(id, images::findStored);
    }

    /** The type the bytes say they are: JPEG, PNG or WebP; null for anything else. */
    static String contentType(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G'
                && d[4] == 0x0D && d[5] == 0x0A && d[6] == 0x1A && d[7] == 0x0A) {
            return "image/png";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
                && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
