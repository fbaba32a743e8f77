package media.icaro.news.web;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import media.icaro.news.newsroom.api.ApiErrors;

/**
 * Every state-changing request outside the Basic-auth API must carry the CSRF token, whatever its
 * content type: quarkus-rest-csrf checks form bodies only and lets any other body, or none, through.
 * Every refusal, its own or quarkus-rest-csrf's, is a page that keeps the typed text, never an empty 400.
 */
public class CsrfGuard {

    /** Form fields never shown back: the token itself, secrets, and the form's own controls. */
    private static final List<String> NOT_KEPT = List.of("password", "version", "action", "csrf");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance expired(List<KeptText> kept, String back);
    }

    /** One typed field, to copy into a fresh form. */
    public record KeptText(String label, String text) {

        public int rows() {
            return (int) Math.min(20, Math.max(2, text.lines().count() + 1));
        }
    }

    private final String cookieName;
    private final String fieldName;
    private final String headerName;

    CsrfGuard(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String fieldName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName) {
        this.cookieName = cookieName;
        this.fieldName = fieldName;
        this.headerName = headerName;
    }

    /** Refuses what quarkus-rest-csrf lets through: a state-changing request whose body is not a form, or none. */
    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (!isGuarded(request, routing) || hasValidToken(request, routing)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(refusal(request)).build());
    }

    /** Gives quarkus-rest-csrf's own refusals, which are empty, the same page. */
    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (response.getStatus() == Response.Status.BAD_REQUEST.getStatusCode() && !response.hasEntity()
                && isGuarded(request, routing) && !hasValidToken(request, routing)) {
            response.setEntity(refusal(request), new Annotation[0], MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static boolean isGuarded(ContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || ApiErrors.isApiPath(routing.normalizedPath()));
    }

    private boolean hasValidToken(ContainerRequestContext request, RoutingContext routing) {
        String token = request.getHeaderString(headerName);
        FormData form = form();
        if (token == null && form != null) {
            FormValue value = form.getFirst(fieldName);
            token = value == null || value.isFileItem() ? null : value.getValue();
        }
        Cookie cookie = routing.request().getCookie(cookieName);
        return cookie != null && token != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static TemplateInstance refusal(ContainerRequestContext request) {
        return Templates.expired(kept(form()), back(request.getHeaderString("Referer")));
    }

    /** The form as read for this request; null when its body is not a form. */
    private static FormData form() {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        return context == null ? null : context.getFormData();
    }

    private static List<KeptText> kept(FormData form) {
        List<KeptText> kept = new ArrayList<>();
        if (form == null) {
            return kept;
        }
        for (String name : form) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_KEPT.stream().anyMatch(lower::contains)) {
                continue;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && !value.getValue().isBlank()) {
                    kept.add(new KeptText(label(name), value.getValue()));
                }
            }
        }
        return kept;
    }

    /** "displayName" reads "Display name". */
    private static String label(String name) {
        String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The newsroom page the form came from, when the browser says so; the newsroom's home otherwise. */
    private static String back(String referer) {
        try {
            String path = referer == null ? null : URI.create(referer).getRawPath();
            return path != null && path.matches("/admin(/[A-Za-z0-9._-]+)*") ? path : "/admin";
        } catch (IllegalArgumentException e) {
            return "/admin";
        }
    }
}
