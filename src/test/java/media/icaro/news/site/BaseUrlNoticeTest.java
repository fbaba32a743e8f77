package media.icaro.news.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BaseUrlNoticeTest {

    @Test
    void theDefaultAndOtherLoopbackAddressesAreWarnedAbout() {
        assertTrue(BaseUrlNotice.loopbackWarning("http://localhost:8080").orElseThrow().contains("SITE_BASE_URL"));
        assertTrue(BaseUrlNotice.loopbackWarning("http://127.0.0.1:9000").isPresent());
        assertTrue(BaseUrlNotice.loopbackWarning("http://[::1]:8080").isPresent());
        assertEquals(Optional.empty(), BaseUrlNotice.loopbackWarning("https://news.example.com"));
        assertEquals(Optional.empty(), BaseUrlNotice.loopbackWarning("https://localhost.news.example.com"));
    }

    @Test
    void onlyAnAbsoluteWebAddressWithoutTrailingSlashIsABaseUrl() {
        assertTrue(BaseUrlNotice.isAbsoluteWebAddress("https://news.example.com"));
        assertTrue(BaseUrlNotice.isAbsoluteWebAddress("http://localhost:8080"));
        assertTrue(BaseUrlNotice.isAbsoluteWebAddress("https://example.com/news"));
        assertFalse(BaseUrlNotice.isAbsoluteWebAddress("news.example.com"));
        assertFalse(BaseUrlNotice.isAbsoluteWebAddress("https://news.example.com/"));
        assertFalse(BaseUrlNotice.isAbsoluteWebAddress("ftp://news.example.com"));
        assertFalse(BaseUrlNotice.isAbsoluteWebAddress("https://news example.com"));
        assertFalse(BaseUrlNotice.isAbsoluteWebAddress(""));
    }
}
