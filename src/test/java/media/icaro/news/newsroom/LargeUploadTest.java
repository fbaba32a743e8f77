package media.icaro.news.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import media.icaro.news.NewsroomSession;
import media.icaro.news.TestContent;
import media.icaro.news.account.Account;
import media.icaro.news.account.AccountService;

/** A picture over the limit comes back as a message beside the image field, with everything typed kept. */
@QuarkusTest
class LargeUploadTest {

    static final String PASSWORD = "upload-test-password-1";

    @Inject
    AccountService accounts;

    @Inject
    TestContent content;

    @Test
    void anImageOfSevenMegabytesIsRefusedBesideItsFieldAndTheTextIsKept() {
        content.section("uploads");
        if (accounts.find("upload-editor").isEmpty()) {
            accounts.create("upload-editor", "Upload Editor", Account.Role.EDITOR, PASSWORD);
        }
        NewsroomSession editor = NewsroomSession.signIn("upload-editor", PASSWORD);
        editor.page("/admin/articles/new");
        Map<String, String> fields = DeskForms.article("A story with a very large picture", "uploads");
        fields.put("body", "Twenty minutes of typing that must not be lost.");
        byte[] large = Arrays.copyOf(DeskForms.PNG, 7 * 1024 * 1024);

        Document form = FormAssertions.rejected(DeskForms.post(editor, "/admin/articles", fields, large, "huge.png"));
        FormAssertions.assertFieldError(form, "image", "5 MB");
        assertEquals("A story with a very large picture", form.getElementById("headline").attr("value"));
        assertEquals("Twenty minutes of typing that must not be lost.", form.getElementById("body").text());
    }
}
