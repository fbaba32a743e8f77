package media.icaro.news.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/** The cookie holding a newsroom session's token, beside Quarkus's credential cookie. */
public final class SessionCookie {

    static final String NAME = "newsroom-session";

    private SessionCookie() {
    }

    public static String read(RoutingContext routing) {
        Cookie cookie = routing == null ? null : routing.request().getCookie(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** Lives as long as the browser session; the server ends it sooner when its row expires. */
    static void set(RoutingContext routing, String token, boolean secure) {
        routing.response().addCookie(Cookie.cookie(NAME, token).setPath("/").setHttpOnly(true)
                .setSecure(secure || routing.request().isSSL()).setSameSite(CookieSameSite.STRICT));
    }

    static void clear(RoutingContext routing) {
        routing.response().addCookie(Cookie.cookie(NAME, "").setPath("/").setHttpOnly(true).setMaxAge(0)
                .setSameSite(CookieSameSite.STRICT));
    }
}
