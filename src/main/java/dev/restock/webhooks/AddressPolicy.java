package dev.restock.webhooks;

import dev.restock.RestockException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where webhooks may go. A webhook URL is typed by whoever can add subscriptions, and Restock
 * then sends requests to it from inside the network; so, unless
 * {@code restock.webhooks.allow-private-addresses} is set, URLs resolving to private, loopback,
 * link-local or otherwise internal addresses are refused, when the subscription is added and
 * again before each request (the name may resolve elsewhere by then).
 */
final class AddressPolicy {

    private final boolean allowPrivateAddresses;

    AddressPolicy(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** The URL as a URI, when it is an absolute http(s) URL that may be sent to. */
    URI check(String url) {
        URI uri = parse(url);
        if (allowPrivateAddresses) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RestockException("Webhook URL '" + uri + "': host '" + uri.getHost() + "' cannot be"
                    + " resolved. Nothing was sent. Check the host name.");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new RestockException("Webhook URL '" + uri + "' points at " + address.getHostAddress()
                        + ", a private, loopback or link-local address; Restock refuses those so that a"
                        + " webhook cannot reach internal services. Set"
                        + " restock.webhooks.allow-private-addresses=true to allow them.");
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new RestockException("Webhook URL '" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new RestockException("Webhook URL '" + url + "' must be an absolute http or https URL, such"
                    + " as https://example.com/restock-hooks.");
        }
        if (uri.getUserInfo() != null) {
            throw new RestockException("Webhook URL '" + uri.getHost() + "' must not carry a user name or"
                    + " password; authenticate the receiver by the webhook signature instead.");
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 // "this network"
                || (first == 100 && second >= 64 && second < 128) // 100.64/10, carrier-grade NAT
                || (first == 198 && (second == 18 || second == 19)); // 198.18/15, benchmarking
    }
}
