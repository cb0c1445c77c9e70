package dev.portmoneconnect.source.table;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;

import javax.sql.DataSource;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pools of the shops' databases, opened when a run first needs one and known to Camel's registry,
 * so that the {@code sql} component reaches them as {@code dataSource=#connectDatabase-<name>}.
 */
@ApplicationScoped
public class ShopDatabases {

    static final String BEAN_PREFIX = "connectDatabase-";

    @Inject
    ShopDatabasesConfig config;

    @Inject
    CamelContext camel;

    private final Map<String, AgroalDataSource> pools = new ConcurrentHashMap<>();

    /** The registry name of the named database's pool, opened on first use. */
    public String beanName(String name) {
        pools.computeIfAbsent(name, this::open);
        return BEAN_PREFIX + name;
    }

    private AgroalDataSource open(String name) {
        ShopDatabasesConfig.Database db = config.byName().get(name);
        String url = db == null ? null : db.url().filter(u -> !u.isBlank()).orElse(null);
        if (url == null) {
            throw new ShopDatabaseException("No database '" + name + "': set connect.databases." + name + ".url (and"
                    + " .username, .password) to its JDBC URL, such as jdbc:postgresql://host/shop");
        }
        Class<? extends Driver> driver = driverFor(url);
        String jdbcUrl = mysqlThroughMariaDb(url);
        try {
            AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.minSize(0).maxSize(db.maxSize())
                            .acquisitionTimeout(db.acquisitionTimeout())
                            .connectionFactoryConfiguration(f -> {
                                f.connectionProviderClass(driver).jdbcUrl(jdbcUrl);
                                db.username().ifPresent(u -> f.principal(new NamePrincipal(u)));
                                db.password().ifPresent(pw -> f.credential(new SimplePassword(pw)));
                                return f;
                            })));
            camel.getRegistry().bind(BEAN_PREFIX + name, DataSource.class, pool);
            Log.infof("Database %s: pool of at most %d connections to %s", name, db.maxSize(), withoutSecrets(url));
            return pool;
        } catch (SQLException e) {
            throw new ShopDatabaseException("Database " + name + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's driver, or MariaDB's, which also speaks to MySQL. */
    private static Class<? extends Driver> driverFor(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return org.postgresql.Driver.class;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return org.mariadb.jdbc.Driver.class;
        }
        throw new ShopDatabaseException("Unsupported database URL " + withoutSecrets(url)
                + ": use jdbc:postgresql://, jdbc:mariadb:// or jdbc:mysql://");
    }

    /** MariaDB's driver takes jdbc:mysql: URLs only when told to. */
    private static String mysqlThroughMariaDb(String url) {
        if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    /** The URL up to its parameters, which may carry a password. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    void close(@Observes ShutdownEvent event) {
        pools.values().forEach(AgroalDataSource::close);
        pools.clear();
    }
}
