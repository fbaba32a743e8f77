package media.icaro.news.media;

/**
 * An upload that passed its checks, with its smaller versions already made: ready to be stored with its
 * article, whose transaction then waits for no decoding (and a save tried again decodes nothing again).
 */
public final class PreparedImage {

    final byte[] data;
    final RenditionMaker.Made made;

    PreparedImage(byte[] data, RenditionMaker.Made made) {
        this.data = data;
        this.made = made;
    }
}
