package dev.rootline.app;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Defaults for the embedded H2 database, when the build chose it. Their ordinal is below application.properties and
 * the environment, so an explicit setting always wins. The database lives in {@code rootline.data-dir/db}, made
 * absolute because H2 refuses relative paths. {@code WRITE_DELAY=0} writes each commit to the file before it
 * returns: by default H2 keeps commits in memory for up to half a second, and a crashed process lost incidents
 * whose entries it had acknowledged. {@code QUERY_CACHE_SIZE=64} keeps every statement correlation prepares
 * parsed: H2 caches 8 per connection by default, fewer than one correlation uses, so each was parsed again on
 * every batch (7% of correlation's CPU). PostgreSQL keeps its defaults: the statements whose plan depends on their
 * parameters ask for a plan at every execution ({@link Sql.Plan}).
 */
public class DatabaseDefaults implements ConfigSourceFactory {

    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue kind = context.getValue("quarkus.datasource.db-kind");
        if (kind.getValue() != null && !kind.getValue().equals("h2")) {
            return List.of();
        }
        ConfigValue dir = context.getValue("rootline.data-dir");
        Path dataDir = Path.of(dir.getValue() == null ? "./data" : dir.getValue())
                .toAbsolutePath()
                .normalize();
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("rootline")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
        return List.of(new PropertiesConfigSource(
                Map.of("quarkus.datasource.jdbc.url", url), "rootline-database-defaults", ORDINAL));
    }
}
