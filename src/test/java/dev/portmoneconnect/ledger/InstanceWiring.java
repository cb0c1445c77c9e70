package dev.portmoneconnect.ledger;


import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The ledger's database beans of one application instance, wired by hand over a connection pool
 * and a clock of its own, so that a test can set several instances against one database.
 */
public final class InstanceWiring {

    public final Jdbc jdbc = new Jdbc();
    public final RunLiveness liveness = new RunLiveness();
    public final RunRepository runs = new RunRepository();
    public final LedgerRepository ledger = new LedgerRepository();
    public final RecordClaims claims = new RecordClaims();
    public final ConnectionLeases leases = new ConnectionLeases();
    public final ParkedRetries retries = new ParkedRetries();
    public final Clock clock;
    public final Duration lease;

    public InstanceWiring(DataSource dataSource, Clock clock, Duration lease) {
        this.clock = clock;
        this.lease = lease;
        jdbc.dataSource = dataSource;
        jdbc.detectStore();
        liveness.clock = clock;
        liveness.lease = lease;
        runs.jdbc = jdbc;
        runs.clock = clock;
        ledger.jdbc = jdbc;
        ledger.clock = clock;
        ledger.liveness = liveness;
        ledger.retries = retries;
        retries.jdbc = jdbc;
        retries.clock = clock;
        retries.config = new SelfHealingConfig() {
            @Override
            public Duration firstDelay() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration maxDelay() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration retryFor() {
                return Duration.ofHours(24);
            }
        };
        claims.ledger = ledger;
        claims.runs = runs;
        leases.jdbc = jdbc;
        leases.clock = clock;
    }
}
