package media.icaro.news.article;

/**
 * Image files sent with a save, each stored only together with the article (a rejected save stores
 * none): the feature image, and the picture that link previews show instead of it.
 */
public record NewImages(byte[] feature, byte[] social) {

    public static final NewImages NONE = new NewImages(null, null);

    public static NewImages feature(byte[] feature) {
        return new NewImages(feature, null);
    }
}
