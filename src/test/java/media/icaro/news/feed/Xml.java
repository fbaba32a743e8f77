package media.icaro.news.feed;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.microprofile.config.ConfigProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.restassured.RestAssured;

/** Reads feeds and sitemaps with a real, namespace-aware XML parser, and follows their absolute links. */
final class Xml {

    static final String NONE = "";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private Xml() {
    }

    /** The site's absolute base, as configured for tests. */
    static String base() {
        return ConfigProvider.getConfig().getValue("site.base-url", String.class);
    }

    /** GETs a path, expects 200 and the given media type, and parses the answer. */
    static Document get(String path, String mediaType) {
        String type = RestAssured.given().redirects().follow(false).get(path).then().statusCode(200)
                .extract().contentType();
        assertTrue(type.replace(" ", "").equalsIgnoreCase(mediaType + ";charset=UTF-8"), path + " answered " + type);
        return parse(RestAssured.given().get(path).asByteArray());
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    /** The element's children with this namespace ("" for none) and local name. */
    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI() == null ? "" : element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertTrue(found.size() == 1, "one <" + name + "> in <" + parent.getLocalName() + ">: " + found.size());
        return found.get(0);
    }

    static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent();
    }

    static List<String> texts(Element parent, String namespace, String name) {
        return children(parent, namespace, name).stream().map(Element::getTextContent).toList();
    }

    /** The site path of an absolute URL of this site. */
    static String path(String url) {
        assertNotNull(url);
        assertTrue(url.startsWith(base() + "/"), "absolute, on this site: " + url);
        return url.substring(base().length());
    }

    /** Expects the absolute URL to answer 200 at the site. */
    static void answers200(String url) {
        RestAssured.given().redirects().follow(false).get(path(url)).then().statusCode(200);
    }
}
