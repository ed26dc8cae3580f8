package vn.tincoso.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.tincoso.config.TincosoConfig;
import vn.tincoso.web.InvalidBodyException;

/**
 * Where deliveries may go: an absolute http(s) URL without user info or fragment, whose host resolves only to public
 * addresses — not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), shared (100.64/10), unspecified, multicast or reserved ones — unless
 * tincoso.webhooks.allow-private-targets says otherwise. Checked when a subscription is written and again before
 * every attempt (a name may be pointed elsewhere in between); redirects are never followed.
 */
@ApplicationScoped
public class WebhookTargets {

    public static final int MAX_URL_LENGTH = 2_000;

    private final boolean allowPrivate;

    @Inject
    WebhookTargets(TincosoConfig config) {
        this(config.webhooks().allowPrivateTargets());
    }

    WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * The client WebSub's intent verifications go through (deliveries use the sender's): redirects never followed,
     * HTTP/1.1, connecting within the timeout; its callers block in send, on threads of their own.
     */
    static java.net.http.HttpClient client(java.time.Duration timeout) {
        return java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    /** The target as given, or 400 naming the field. */
    URI checked(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidBodyException(field, "không phải địa chỉ URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (url.length() > MAX_URL_LENGTH || !uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidBodyException(field, "phải là địa chỉ http(s) đầy đủ (cổng 1–65535), không có user@ hay #, tối đa "
                    + MAX_URL_LENGTH + " ký tự");
        }
        String refused = refusal(uri);
        if (refused != null) {
            throw new InvalidBodyException(field, refused);
        }
        return uri;
    }

    /** Why a delivery may not go to this target now; null when it may. */
    String refusal(URI target) {
        return resolved(target).refusal();
    }

    /** Where a target's host resolves now: the address to connect to, or why none may be used. */
    record Resolution(InetAddress address, String refusal) {
    }

    /**
     * The address a delivery connects to (the first the name resolves to), or why it may not: the request then goes
     * to the address that was checked, whatever the name resolves to a moment later.
     */
    Resolution resolved(URI target) {
        String host = target.getHost();
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return new Resolution(null, "không phân giải được tên máy '" + host + "'");
        }
        if (allowPrivate) {
            return new Resolution(addresses.get(0), null);
        }
        return addresses.stream().filter(address -> !isPublic(address)).findFirst()
                .map(address -> new Resolution(null, "'" + host + "' trỏ tới địa chỉ không công khai " + address.getHostAddress()
                        + " (loopback, mạng riêng, link-local…); máy chủ này không gửi tới đó"))
                .orElse(new Resolution(addresses.get(0), null));
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7 unique local; an IPv4-mapped or -compatible address is judged as the IPv4 one.
            if ((first & 0xfe) == 0xfc) {
                return false;
            }
            boolean embedsIpv4 = true;
            for (int i = 0; i < 10; i++) {
                embedsIpv4 &= bytes[i] == 0;
            }
            if (embedsIpv4 && (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff || bytes[10] == 0 && bytes[11] == 0)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
