package media.icaro.news.media;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An uploaded image, kept in the database so that every instance serves it. */
@Entity
public class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "content_type", nullable = false, length = 40)
    public String contentType;

    @Column(name = "byte_size", nullable = false)
    public int byteSize;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] data;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** As the image is shown (a JPEG's EXIF orientation applied); null until its renditions are made. */
    public Integer width;

    public Integer height;

    /** The widths of its renditions ("320 640 1024"), "" for none; null until they are made. */
    @Column(name = "rendition_widths", length = 100)
    public String renditionWidths;
}
