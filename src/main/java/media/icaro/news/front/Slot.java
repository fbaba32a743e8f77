package media.icaro.news.front;

/** A slot of a front: its block, and its number in the block, 1 first. */
public record Slot(String block, int number) {

    /** The form's and the API's name for it, such as "top-2". */
    public String key() {
        return block + "-" + number;
    }
}
