package media.icaro.news.media;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ImageRepository implements PanacheRepository<Image> {

    public boolean exists(long id) {
        return count("id", id) > 0;
    }

    /** The bytes without a managed entity, so Hibernate keeps no second copy to check for changes. */
    public Optional<StoredImage> findStored(long id) {
        return getEntityManager()
                .createQuery("select new media.icaro.news.media.StoredImage(i.contentType, i.data) from Image i where i.id = ?1",
                        StoredImage.class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    /** A smaller version's bytes, without a managed entity. */
    public Optional<StoredImage> findStoredRendition(long imageId, int width) {
        return getEntityManager()
                .createQuery("select new media.icaro.news.media.StoredImage(r.contentType, r.data) from ImageRendition r"
                        + " where r.imageId = ?1 and r.width = ?2", StoredImage.class)
                .setParameter(1, imageId).setParameter(2, width).getResultStream().findFirst();
    }

    void addRenditions(long imageId, List<RenditionMaker.Rendition> renditions) {
        for (RenditionMaker.Rendition made : renditions) {
            ImageRendition rendition = new ImageRendition();
            rendition.imageId = imageId;
            rendition.width = made.width();
            rendition.height = made.height();
            rendition.contentType = RenditionMaker.TYPE;
            rendition.byteSize = made.jpeg().length;
            rendition.data = made.jpeg();
            getEntityManager().persist(rendition);
        }
    }

    /** Ids of images stored before smaller versions were made (migration V12), after this id, a batch at a time. */
    List<Long> idsWithoutRenditions(long after, int limit) {
        return getEntityManager().createQuery("select i.id from Image i where i.renditionWidths is null and i.id > ?1 order by i.id",
                Long.class).setParameter(1, after).setMaxResults(limit).getResultList();
    }

    /** The bytes of an image that still has no smaller versions; empty once it has them, or when it is gone. */
    Optional<byte[]> findDataWithoutRenditions(long id) {
        return getEntityManager().createQuery("select i.data from Image i where i.id = ?1 and i.renditionWidths is null", byte[].class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    /**
     * Records an image's size and versions unless another instance did first: the update takes the row,
     * so of two instances doing the same image one sees it done and stores nothing. True when this one did.
     */
    boolean claimRenditions(long id, RenditionMaker.Made made) {
        return getEntityManager().createQuery("update Image i set i.width = ?2, i.height = ?3, i.renditionWidths = ?4"
                + " where i.id = ?1 and i.renditionWidths is null")
                .setParameter(1, id).setParameter(2, made.width()).setParameter(3, made.height()).setParameter(4, made.widths())
                .executeUpdate() == 1;
    }
}
