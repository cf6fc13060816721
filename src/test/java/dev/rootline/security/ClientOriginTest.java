package dev.rootline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientOriginTest {

    private static final TrustedProxies NONE = TrustedProxies.of(List.of());
    private static final TrustedProxies LOOPBACK_AND_LB = TrustedProxies.of(List.of("127.0.0.1", "::1", "10.0.0.0/8"));

    private static ClientOrigin origin(String peer, TrustedProxies trusted, String... forwardedFor) {
        return ClientOrigin.of(new ClientOrigin.Request(peer, false, List.of(forwardedFor), List.of(), null), trusted);
    }

    private static String address(ClientOrigin origin) {
        return origin.address().map(InetAddress::getHostAddress).orElse("none");
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnoredAndMarkTheRequestAsForwarded() {
        ClientOrigin spoofed = origin("127.0.0.1", NONE, "127.0.0.1");
        assertThat(address(spoofed)).isEqualTo("127.0.0.1");
        assertThat(spoofed.forwarded()).isTrue();
        assertThat(spoofed.local())
                .as("a proxy nobody configured sits in front: not a local browser")
                .isFalse();
        assertThat(origin("127.0.0.1", NONE).local()).isTrue();
        assertThat(origin("203.0.113.9", NONE).local()).isFalse();
    }

    @Test
    void theClientIsTheRightmostHopThatIsNotATrustedProxy() {
        assertThat(address(origin("127.0.0.1", LOOPBACK_AND_LB, "127.0.0.1, 8.8.8.8")))
                .isEqualTo("8.8.8.8");
        assertThat(origin("127.0.0.1", LOOPBACK_AND_LB, "127.0.0.1, 8.8.8.8").local())
                .isFalse();
        assertThat(address(origin("127.0.0.1", LOOPBACK_AND_LB, "8.8.8.8, 10.1.2.3")))
                .isEqualTo("8.8.8.8");
        assertThat(address(origin("127.0.0.1", LOOPBACK_AND_LB, "1.1.1.1", "8.8.8.8, 10.1.2.3")))
                .as("repeated headers are one list")
                .isEqualTo("8.8.8.8");
        assertThat(origin("127.0.0.1", LOOPBACK_AND_LB, "127.0.0.1").local()).isTrue();
        assertThat(address(origin("127.0.0.1", LOOPBACK_AND_LB, "[2001:db8::1]:443")))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void aTrustedProxyForwardingGarbageOrNothingLeavesNoClientAddress() {
        assertThat(origin("127.0.0.1", LOOPBACK_AND_LB, "").address()).isEmpty();
        assertThat(origin("127.0.0.1", LOOPBACK_AND_LB, "unknown, 10.0.0.1").address())
                .isEmpty();
        assertThat(origin("127.0.0.1", LOOPBACK_AND_LB, "evil.example").local()).isFalse();
    }

    @Test
    void rfc7239ForwardedIsReadWhenThereIsNoXForwardedFor() {
        ClientOrigin origin = ClientOrigin.of(
                new ClientOrigin.Request(
                        "127.0.0.1", false, List.of(), List.of("for=127.0.0.1;proto=http, for=\"198.51.100.7\""), null),
                LOOPBACK_AND_LB);
        assertThat(address(origin)).isEqualTo("198.51.100.7");
    }

    @Test
    void httpsIsBelievedOnlyFromATrustedProxy() {
        var viaTrusted = new ClientOrigin.Request("10.0.0.5", false, List.of("8.8.8.8"), List.of(), "https");
        var viaStranger = new ClientOrigin.Request("203.0.113.9", false, List.of("8.8.8.8"), List.of(), "https");
        assertThat(ClientOrigin.of(viaTrusted, LOOPBACK_AND_LB).secure()).isTrue();
        assertThat(ClientOrigin.of(viaStranger, LOOPBACK_AND_LB).secure()).isFalse();
        assertThat(ClientOrigin.of(
                                new ClientOrigin.Request("10.0.0.5", false, List.of(), List.of(), ""), LOOPBACK_AND_LB)
                        .secure())
                .isFalse();
    }

    @Test
    void aBadTrustedProxyEntryIsRefusedByName() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .hasMessageContaining("'10.0.0.0/33'")
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
                .hasMessageContaining("'proxy.internal' is not an IP address");
    }

    @Test
    void blocksMatchTheirPrefixOnly() {
        TrustedProxies blocks = TrustedProxies.of(List.of("192.168.4.0/22", "fd00::/8"));
        assertThat(blocks.trusts(TrustedProxies.parse("192.168.7.255").orElseThrow()))
                .isTrue();
        assertThat(blocks.trusts(TrustedProxies.parse("192.168.8.0").orElseThrow()))
                .isFalse();
        assertThat(blocks.trusts(TrustedProxies.parse("fd12::1").orElseThrow())).isTrue();
        assertThat(blocks.trusts(TrustedProxies.parse("fe80::1").orElseThrow())).isFalse();
    }
}
