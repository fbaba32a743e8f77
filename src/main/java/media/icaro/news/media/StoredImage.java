package media.icaro.news.media;

/** An image (or a smaller version of one) as it is served: held whole in memory once, shared by every response that sends it. */
public record StoredImage(String contentType, byte[] data) {
}
