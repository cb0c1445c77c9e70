package dev.portmoneconnect.source.table;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code connect.databases.<name>.*}: the shops' own databases that {@code table:} steps read, by
 * name. They are not the app's database: each gets a small pool of its own.
 */
@ConfigMapping(prefix = "connect.databases")
public interface ShopDatabasesConfig {

    @WithParentName
    Map<String, Database> byName();

    interface Database {

        /** JDBC URL: {@code jdbc:postgresql://host/db}, {@code jdbc:mariadb://host/db} (MariaDB and MySQL). */
        Optional<String> url();

        Optional<String> username();

        Optional<String> password();

        /** Connections the pool keeps open at most. */
        @WithDefault("2")
        int maxSize();

        /** Longest wait for a connection. */
        @WithDefault("10s")
        Duration acquisitionTimeout();
    }
}
