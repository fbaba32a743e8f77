package media.icaro.news.article;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed, expiring links that show a draft to someone outside the newsroom. The signature is an
 * HMAC of the article id and the expiry; instances that share NEWS_PREVIEW_KEY accept each other's links.
 */
@ApplicationScoped
public class PreviewLinks {

    static final Duration LIFETIME = Duration.ofHours(48);
    /** Sets image signatures apart from article ones. */
    private static final String IMAGE = "image:";
    private static final Logger LOG = Logger.getLogger(PreviewLinks.class);

    private final byte[] key;

    PreviewLinks(@ConfigProperty(name = "news.preview-key") Optional<String> configuredKey) {
        if (configuredKey.filter(k -> k.length() >= 32).isPresent()) {
            key = configuredKey.get().getBytes(StandardCharsets.UTF_8);
        } else {
            LOG.warn("NEWS_PREVIEW_KEY is not set (32 characters or more): preview links last until this instance restarts");
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    /** A path such as /preview/42?expires=1718000000&sig=..., valid for 48 hours from now. */
    public String linkFor(long articleId, Instant now) {
        long expires = now.plus(LIFETIME).getEpochSecond();
        return "/preview/" + articleId + "?expires=" + expires + "&sig=" + sign(String.valueOf(articleId), expires);
    }

    public boolean isValid(long articleId, long expires, String signature, Instant now) {
        return isValid(String.valueOf(articleId), expires, signature, now);
    }

    /**
     * What the addresses of the draft's feature image (and of its smaller versions) end with on the page of
     * a preview link, for a reader without a session: signed for the image, so the link's signature cannot
     * open any other image, and expiring with the link.
     */
    public String imageQueryFor(long imageId, long expires) {
        return "?expires=" + expires + "&sig=" + sign(IMAGE + imageId, expires);
    }

    public boolean isValidForImage(long imageId, long expires, String signature, Instant now) {
        return isValid(IMAGE + imageId, expires, signature, now);
    }

    private boolean isValid(String subject, long expires, String signature, Instant now) {
        if (signature == null || now.getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(sign(subject, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String subject, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((subject + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
