package dev.portmoneconnect.reliability;

import dev.portmoneconnect.support.AppProcess;
import dev.portmoneconnect.support.ShippedAppFakes;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated interleavings of {@link ExactlyOnceTest}, played against the packaged application
 * as an operator runs it (the shipped {@code routes/landing-orders.camel.yaml}, records four at a
 * time, the default embedded store) through its webhook and API, with its own fake Portmone and
 * mail server. Seeds: {@code -Dinterleavings.seeds=...}, or {@code -Dinterleavings.cases=N}.
 */
class ExactlyOnceIT {

    static final long[] SEEDS = {1, 7, 42};

    private ShippedAppFakes fakes;

    private AppProcess app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (fakes != null) {
            fakes.close();
        }
    }

    @Test
    void thePackagedAppKeepsEachOrderOnceInEveryGeneratedInterleaving() throws Exception {
        fakes = ShippedAppFakes.start();
        Path folder = AppProcess.operatorFolder(Path.of("target", "interleavings-" + UUID.randomUUID()));
        Map<String, String> settings = fakes.settings();
        settings.put("portmone.accounts.shop.timeout", "400ms");
        settings.put("connect.retry.max-retries", "2");
        settings.put("connect.retry.initial-delay", "20ms");
        settings.put("connect.retry.max-delay", "200ms");
        app = AppProcess.start("interleavings", settings, folder, folder);
        app.awaitReady(Duration.ofSeconds(120));
        RestAssured.baseURI = app.url();
        RestAssured.port = -1;

        InterleavingRunner runner = new InterleavingRunner("landing-orders", fakes.portmone,
                InterleavingRunner.MailServer.of(fakes.mail));
        String seeds = System.getProperty("interleavings.seeds");
        long[] chosen = seeds == null && Integer.getInteger("interleavings.cases", 0) == 0 ? SEEDS
                : ExactlyOnceTest.seeds();
        for (long seed : chosen) {
            Interleaving scenario = Interleaving.generate(seed);
            InterleavingRunner.Outcome outcome = runner.play(scenario);
            System.out.printf("Packaged app, interleaving seed %d: %d records posted, %d steps, %d ms%n", seed,
                    outcome.posted(), scenario.steps().size(), outcome.millis());
            assertThat(outcome.violations())
                    .as("broken promises; play again with -Dinterleavings.seeds=%d%n%s", seed, scenario)
                    .isEmpty();
        }
    }
}
