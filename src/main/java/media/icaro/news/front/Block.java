package media.icaro.news.front;

import java.util.List;
import java.util.stream.IntStream;

import media.icaro.news.article.ListingScope;
import media.icaro.news.section.SectionView;

/**
 * A part of a front, in page order: its slots, and the stories that fill them when nothing else is set
 * (the newest live ones in {@code scope} that the page does not already show).
 *
 * @param section the section whose stories fill it; null for the whole site's
 */
public record Block(String name, String title, int size, ListingScope scope, SectionView section) {

    public List<Slot> slots() {
        return IntStream.rangeClosed(1, size).mapToObj(n -> new Slot(name, n)).toList();
    }
}
