package dev.rootline.search;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** The official OpenSearch client for the configured cluster: its hosts, credentials and request timeout. */
final class OpenSearchClients {

    private OpenSearchClients() {}

    static OpenSearchClient open(StoreConfig.OpenSearch config) {
        HttpHost[] hosts = config.hosts().stream().map(OpenSearchClients::host).toArray(HttpHost[]::new);
        Timeout timeout = Timeout.of(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        ApacheHttpClient5TransportBuilder transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(
                        request -> request.setConnectionRequestTimeout(timeout).setResponseTimeout(timeout));
        config.username().ifPresent(user -> {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (HttpHost host : hosts) {
                credentials.setCredentials(
                        new AuthScope(host),
                        new UsernamePasswordCredentials(
                                user, config.password().orElse("").toCharArray()));
            }
            transport.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        });
        return new OpenSearchClient(transport.build());
    }

    private static HttpHost host(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 9200;
        return new HttpHost(uri.getScheme(), uri.getHost(), port);
    }
}
