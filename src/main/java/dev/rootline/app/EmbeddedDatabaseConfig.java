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
 * Points the embedded H2 database into {@code rootline.data-dir}, made absolute because H2 refuses relative
 * paths. Its ordinal is below application.properties and the environment, so an explicit
 * {@code QUARKUS_DATASOURCE_JDBC_URL} always wins.
 */
public class EmbeddedDatabaseConfig implements ConfigSourceFactory {

    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue kind = context.getValue("quarkus.datasource.db-kind");
        if (kind.getValue() != null && !kind.getValue().equals("h2")) {
            return List.of();
        }
        ConfigValue dir = context.getValue("rootline.data-dir");
        Path dataDir = Path.of(dir.getValue() == null ? "./data" : dir.getValue()).toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("rootline") + ";DB_CLOSE_ON_EXIT=FALSE";
        return List.of(new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", url),
                "rootline-embedded-database", ORDINAL));
    }
}
