package media.icaro.news.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a public page: the same for every reader and a function of published content only, so that
 * {@link PageCache} may keep it until the next change. Never on anything that reads a session, a
 * cookie or a preview key.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface CachedPage {
}
