package media.icaro.news.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FeedFormatsTest {

    @Test
    void cdataKeepsAnyTextWholeEvenWithSectionEnds() {
        for (String text : new String[] { "", "<p>plain</p>", "a]]>b", "]]>", "x]]]]>y]]>", "]]]>>" }) {
            String xml = "<content>" + FeedFormats.cdata(text) + "</content>";
            assertEquals(text, Xml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement().getTextContent(), xml);
        }
    }
}
