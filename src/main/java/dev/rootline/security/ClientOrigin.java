package dev.rootline.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request comes from, as far as it can be believed. Forwarding headers count only when the peer is a
 * trusted proxy; then the client is the rightmost hop that is not one, since every hop to the left of it was
 * written by someone the proxies do not vouch for. A request that carries forwarding headers its peer may not set
 * is marked {@code forwarded}: it came through a proxy nobody configured, and is never taken for a local browser.
 *
 * @param address   the client's address, or empty when a trusted proxy forwarded something that is not one
 * @param secure    whether the client's own connection was HTTPS
 * @param forwarded whether forwarding headers were sent that the peer was not trusted to send
 */
record ClientOrigin(Optional<InetAddress> address, boolean secure, boolean forwarded) {

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for=\"?([^;,\"]*)\"?");

    /** The request as it reached this process. */
    record Request(
            String peer, boolean tls, List<String> forwardedFor, List<String> forwarded, String forwardedProto) {}

    /** A browser on this machine: a loopback client reached directly, or through trusted proxies only. */
    boolean local() {
        return !forwarded && address.map(InetAddress::isLoopbackAddress).orElse(false);
    }

    static ClientOrigin of(Request request, TrustedProxies trusted) {
        Optional<InetAddress> peer = TrustedProxies.parse(request.peer() == null ? "" : request.peer());
        List<String> hops = hops(request);
        boolean headers =
                !request.forwardedFor().isEmpty() || !request.forwarded().isEmpty() || request.forwardedProto() != null;
        if (peer.isEmpty() || !trusted.trusts(peer.get())) {
            return new ClientOrigin(peer, request.tls(), headers);
        }
        Optional<InetAddress> client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = TrustedProxies.parse(hops.get(i));
            if (client.isEmpty() || !trusted.trusts(client.get())) {
                break;
            }
        }
        return new ClientOrigin(
                client, request.tls() || proto(request.forwardedProto()).equals("https"), false);
    }

    /** Every hop of X-Forwarded-For, or else of Forwarded, oldest first, across repeated headers. */
    private static List<String> hops(Request request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.forwardedFor()) {
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        if (hops.isEmpty()) {
            for (String header : request.forwarded()) {
                Matcher m = FORWARDED_FOR.matcher(header);
                while (m.find()) {
                    hops.add(m.group(1).strip());
                }
            }
        }
        return hops;
    }

    /** The scheme the nearest proxy saw: the last of a list, lower case; empty when absent. */
    private static String proto(String header) {
        if (header == null) {
            return "";
        }
        String[] values = header.split(",");
        return values.length == 0 ? "" : values[values.length - 1].strip().toLowerCase(Locale.ROOT);
    }
}
