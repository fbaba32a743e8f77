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
}
