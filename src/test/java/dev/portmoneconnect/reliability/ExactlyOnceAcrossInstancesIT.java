package dev.portmoneconnect.reliability;

import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.TestPostgres;
import dev.portmoneconnect.support.ShippedAppFakes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated interleavings of {@link ExactlyOnceTest} over two packaged instances of the
 * PostgreSQL build on one database: each step goes to one of them, two posts at the same moment go
 * to both, and an instance freezes (SIGSTOP) in the middle of a run past its lease while the other
 * takes the connection over, then wakes up. The same promises are checked against the fakes' logs.
 * Seeds: {@code -Dinterleavings.seeds=...} or {@code -Dinterleavings.cases=N}.
 */
@Tag("postgres")
class ExactlyOnceAcrossInstancesIT {

    static final String SCHEMA = "interleavings";
    static final long[] SEEDS = {3, 8, 21};
    static final Duration LEASE = Duration.ofSeconds(4);

    private ShippedAppFakes fakes;

    private AppProcess alpha;
    private AppProcess beta;

    @AfterEach
    void stop() throws Exception {
        for (AppProcess app : new AppProcess[] {alpha, beta}) {
            if (app != null) {
                app.resume();
                app.close();
            }
        }
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void twoInstancesKeepEachOrderOnceInEveryGeneratedInterleavingEvenWhenOneFreezes() throws Exception {
        TestPostgres.freshSchema(SCHEMA);
        fakes = ShippedAppFakes.start();
        alpha = start("alpha");
        beta = start("beta");
        alpha.awaitReady(Duration.ofSeconds(120));
        beta.awaitReady(Duration.ofSeconds(120));

        InterleavingRunner runner = new InterleavingRunner("landing-orders", fakes.portmone,
                InterleavingRunner.MailServer.of(fakes.mail), new InterleavingRunner.Instances() {
                    @Override
                    public List<String> urls() {
                        return List.of(alpha.url(), beta.url());
                    }

                    @Override
                    public void freeze(int instance) {
                        signal(instance, true);
                    }

                    @Override
                    public void thaw(int instance) {
                        signal(instance, false);
                    }

                    @Override
                    public Duration lease() {
                        return LEASE;
                    }
                });
        long[] seeds = System.getProperty("interleavings.seeds") == null
                && Integer.getInteger("interleavings.cases", 0) == 0 ? SEEDS : ExactlyOnceTest.seeds();
        for (long seed : seeds) {
            Interleaving scenario = Interleaving.generate(seed, 2);
            InterleavingRunner.Outcome outcome = runner.play(scenario);
            System.out.printf("Two instances, interleaving seed %d: %d records posted, %d steps (%d freezes), %d ms%n",
                    seed, outcome.posted(), scenario.steps().size(),
                    scenario.steps().stream().filter(Interleaving.Freeze.class::isInstance).count(), outcome.millis());
            assertThat(outcome.violations())
                    .as("broken promises; play again with -Dinterleavings.seeds=%d%n%s", seed, scenario)
                    .isEmpty();
        }
    }

    private void signal(int instance, boolean freeze) {
        AppProcess app = instance == 0 ? alpha : beta;
        try {
            if (freeze) {
                app.pause();
            } else {
                app.resume();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private AppProcess start(String name) throws IOException {
        Path folder = AppProcess.operatorFolder(Path.of("target", "interleavings-" + name + "-" + UUID.randomUUID()));
        Map<String, String> settings = fakes.settings();
        settings.put("quarkus.datasource.jdbc.url", TestPostgres.url(SCHEMA));
        settings.put("quarkus.datasource.username", TestPostgres.USER);
        settings.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        settings.put("connect.instance-id", name);
        settings.put("connect.run-heartbeat", "1s");
        settings.put("connect.run-lease", LEASE.toSeconds() + "s");
        settings.put("portmone.accounts.shop.timeout", "400ms");
        settings.put("connect.retry.max-retries", "2");
        settings.put("connect.retry.initial-delay", "20ms");
        settings.put("connect.retry.max-delay", "200ms");
        return AppProcess.start(name, settings, folder, folder);
    }
}
