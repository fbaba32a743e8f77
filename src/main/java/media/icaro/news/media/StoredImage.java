package media.icaro.news.media;

/** An image as it is served: held whole in memory once, shared by every response that sends it. */
public record StoredImage(long id, String contentType, byte[] data) {
}
