package media.icaro.news.account;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The address a request came from (behind a proxy, as forwarded when quarkus.http.proxy settings say so). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(RoutingContext routing) {
        SocketAddress remote = routing.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }
}
