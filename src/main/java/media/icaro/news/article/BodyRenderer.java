package media.icaro.news.article;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns an article's Markdown into the HTML a page prints. Runs once, at save time: whatever the
 * Markdown holds (raw HTML included), only the allow-listed elements and attributes survive, and
 * links keep only http, https, mailto and relative URLs.
 */
@ApplicationScoped
public class BodyRenderer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title").onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelsOnLinks("noopener")
                    .allowElements("img")
                    .allowAttributes("src", "alt", "title").onElements("img")
                    .allowElements("pre", "code", "hr", "figure", "figcaption", "del", "sup", "sub", "br")
                    .allowAttributes("class").matching(Pattern.compile("language-[a-zA-Z0-9_+-]{1,30}"))
                    .onElements("code")
                    .toFactory());

    private static final int SUMMARY_LENGTH = 200;

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();

    /** The body's first paragraph as plain text, cut at a word within {@value #SUMMARY_LENGTH} characters. */
    public String summary(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph) {
                String text = plainText(node);
                if (text.length() <= SUMMARY_LENGTH) {
                    return text;
                }
                int cut = text.lastIndexOf(' ', SUMMARY_LENGTH - 1);
                return text.substring(0, cut > 0 ? cut : SUMMARY_LENGTH - 1) + "…";
            }
        }
        return "";
    }

    /** The whole body as plain text, one line per block, for the search index. */
    public String plainText(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        StringBuilder text = new StringBuilder();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            String line = plainText(block);
            if (!line.isEmpty()) {
                text.append(line).append('\n');
            }
        }
        return text.toString().strip();
    }

    private static String plainText(Node paragraph) {
        StringBuilder text = new StringBuilder();
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }
        });
        return text.toString().strip().replaceAll("\\s+", " ");
    }

    public String toHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html).strip();
    }
}
