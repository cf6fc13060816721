package dev.rootline.source;

import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;

/** A channel to an endpoint other than Google's: TLS, or plaintext for a local fake or emulator. */
final class GrpcChannels {

    private GrpcChannels() {}

    /** With {@code plaintext} the caller also drops credentials: a local endpoint takes none. */
    static TransportChannelProvider to(String endpoint, boolean plaintext) {
        InstantiatingGrpcChannelProvider.Builder channel =
                InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(endpoint);
        if (plaintext) {
            channel.setChannelConfigurator(builder -> builder.usePlaintext());
        }
        return channel.build();
    }
}
