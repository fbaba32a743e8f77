package media.icaro.news.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import media.icaro.news.domain.FieldErrors;

/**
 * Feature images: JPEG, PNG or WebP up to 5 MB and 50 megapixels, recognised by their first bytes,
 * never by their name, kept as uploaded with smaller versions made from them ({@link RenditionMaker}).
 * An image is immutable: a new upload is a new image, so it can be cached for ever.
 */
@ApplicationScoped
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class);

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Beyond these, decoding the image (to show or resize it) needs hundreds of megabytes. */
    static final long MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 50_000_000;

    private final ImageRepository images;
    private final ImageCache cache;
    private final RenditionMaker renditions;

    ImageService(ImageRepository images, ImageCache cache, RenditionMaker renditions) {
        this.images = images;
        this.cache = cache;
        this.renditions = renditions;
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

    /**
     * Checks an upload and makes its smaller versions, outside any transaction (it takes a fraction of a
     * second, and one image at a time); or says in the given field what is wrong with it.
     */
    public PreparedImage prepare(byte[] data, String field) {
        FieldErrors errors = new FieldErrors();
        check(data, field, errors);
        errors.throwIfAny();
        try {
            return new PreparedImage(data, renditions.make(data));
        } catch (RenditionMaker.Unreadable e) {
            LOG.infof("Refused an upload that cannot be decoded: %s", e.getMessage());
            throw new FieldErrors.Invalid(errors.add(field, "The image cannot be read: save it again as a JPEG, PNG or WebP"));
        }
    }

    @Transactional
    public long store(PreparedImage image) {
        return persist(image, Instant.now());
    }

    /**
     * Stores an image moved from another site by a site import, checked as an upload is, with the time it
     * was first stored there; or says in the given field what is wrong with it. Its smaller versions are
     * made again here, never moved. One that cannot be decoded was shown by the other site all the same,
     * so it comes along, without smaller versions.
     */
    @Transactional
    public long store(byte[] data, String field, Instant createdAt) {
        FieldErrors errors = new FieldErrors();
        check(data, field, errors);
        errors.throwIfAny();
        return persist(new PreparedImage(data, whatCanBeMade(data)), createdAt);
    }

    private long persist(PreparedImage prepared, Instant createdAt) {
        Image image = new Image();
        image.contentType = contentType(prepared.data);
        image.byteSize = prepared.data.length;
        image.data = prepared.data;
        image.createdAt = createdAt;
        image.width = prepared.made.width();
        image.height = prepared.made.height();
        image.renditionWidths = prepared.made.widths();
        images.persist(image);
        images.addRenditions(image.id, prepared.made.renditions());
        return image.id;
    }

    /**
     * The versions of an image that was accepted once (by an import, or before versions were made): if
     * it cannot be decoded, none, and the size its header declares, if it declares one.
     */
    RenditionMaker.Made whatCanBeMade(byte[] data) {
        try {
            return renditions.make(data);
        } catch (RenditionMaker.Unreadable e) {
            LOG.warnf("An image cannot be decoded, so it has no smaller versions: %s", e.getMessage());
            ImageDimensions size = ImageDimensions.of(data);
            return size == null ? new RenditionMaker.Made(null, null, List.of())
                    : new RenditionMaker.Made((int) size.width(), (int) size.height(), List.of());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long id) {
        return images.exists(id);
    }

    /** The image to serve, held in memory after its first read (see {@link ImageCache}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredImage> load(long id) {
        return cache.get(new ImageCache.Key(id, 0), key -> images.findStored(id));
    }

    /** A smaller version of the image, this wide; empty when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredImage> loadRendition(long id, int width) {
        return cache.get(new ImageCache.Key(id, width), key -> images.findStoredRendition(id, width));
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
