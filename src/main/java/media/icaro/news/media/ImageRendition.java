package media.icaro.news.media;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A smaller version of an image, made from it when it was stored; never changed afterwards. */
@Entity
@Table(name = "image_rendition")
public class ImageRendition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "image_id", nullable = false)
    public long imageId;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "content_type", nullable = false, length = 40)
    public String contentType;

    @Column(name = "byte_size", nullable = false)
    public int byteSize;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] data;
}
