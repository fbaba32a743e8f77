package media.icaro.news.newsroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import media.icaro.news.NewsroomSession;

/** Posts the article form as a browser does: multipart, with the CSRF token of the page it came from. */
public final class DeskForms {

    /** A tiny valid PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaGAAAAEEAIFw9selAAAAAElFTkSuQmCC");

    private DeskForms() {
    }

    public static Map<String, String> article(String headline, String section) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headline", headline);
        fields.put("body", "First paragraph of " + headline + ".\n\nSecond paragraph.");
        fields.put("section", section);
        fields.put("kind", "NEWS");
        fields.put("bylines", "Desk Reporter");
        fields.put("tags", "Desk testing");
        fields.put("disclaimerMode", "SITE_DEFAULT");
        fields.put("action", "save");
        return fields;
    }

    public static Response post(NewsroomSession session, String path, Map<String, String> fields, byte[] image, String imageName) {
        RequestSpecification request = session.request().multiPart("csrf-token", session.csrfToken());
        fields.forEach(request::multiPart);
        if (image != null) {
            request.multiPart("image", imageName, image, "application/octet-stream");
        }
        return session.keep(request.post(path));
    }

    public static Response post(NewsroomSession session, String path, Map<String, String> fields) {
        return post(session, path, fields, null, null);
    }

    /** A valid black-and-white PNG, all white: a few kilobytes that decode to width × height pixels. */
    static byte[] blankPng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            byte[] row = new byte[1 + (width + 7) / 8];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        pngChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        pngChunk(png, "IDAT", idat.toByteArray());
        pngChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(StandardCharsets.US_ASCII));
        png.write(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The id in a 303 Location such as /admin/articles/42?done=saved. */
    static long idFrom(Response response) {
        String location = response.header("Location");
        String tail = location.substring(location.indexOf("/admin/articles/") + "/admin/articles/".length());
        return Long.parseLong(tail.replaceAll("[^0-9].*$", ""));
    }

    /** The values a browser would send back from a loaded form. */
    static Map<String, String> formValues(Document page) {
        Element form = page.selectFirst("form.article-form");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            if (name.equals("csrf-token") || input.attr("type").equals("file")) {
                continue;
            }
            switch (input.tagName()) {
                case "textarea" -> fields.put(name, input.wholeText().replaceFirst("^\n", ""));
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    fields.put(name, selected == null ? "" : selected.attr("value"));
                }
                default -> {
                    String type = input.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                        continue;
                    }
                    fields.put(name, input.attr("value"));
                }
            }
        }
        fields.put("action", "save");
        return fields;
    }
}
