package dev.rootline.security;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** The proxies whose forwarding headers are believed: addresses and CIDR blocks, IPv4 or IPv6. */
final class TrustedProxies {

    private record Block(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or CIDR block */
    static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(TrustedProxies::block)
                .toList());
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /** An IP literal, never a host name: a forwarding header is not worth a DNS lookup. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.contains("]")) {
            literal = literal.substring(1, literal.indexOf(']'));
        } else if (literal.indexOf(':') > 0 && literal.indexOf(':') == literal.lastIndexOf(':')) {
            literal = literal.substring(0, literal.indexOf(':')); // IPv4 with a port
        }
        return InetAddresses.isInetAddress(literal) ? Optional.of(InetAddresses.forString(literal)) : Optional.empty();
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        InetAddress network = parse(slash < 0 ? entry : entry.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException(
                        "rootline.security.trusted-proxies: '" + entry + "' is not an IP address or CIDR block"));
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(
                    "rootline.security.trusted-proxies: '" + entry + "' has a prefix length outside 0 to " + bits);
        }
        return new Block(network.getAddress(), prefix);
    }
}
