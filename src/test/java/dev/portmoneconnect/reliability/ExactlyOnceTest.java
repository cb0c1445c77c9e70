package dev.portmoneconnect.reliability;

import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.QuickGreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each order invoiced and delivered once, whatever the interleaving: generated interleavings of posts
 * (an order twice in one post, in two posts at the same moment, records without a key, invalid
 * records), runs handling four records at a time, runs asked for while one is going, replays, test
 * sends, Portmone failing or answering after the client gave up, and the mail server refusing. Every
 * promise is checked against the fakes' own logs and the API (see {@link InterleavingRunner}).
 *
 * <p>{@code ./mvnw verify} plays a fixed set of seeds. The long mode plays as many as asked, from
 * random seeds: {@code ./mvnw test -Dtest=ExactlyOnceTest -Dinterleavings.cases=2000}. A failing
 * seed is printed with its steps and plays again alone with {@code -Dinterleavings.seeds=<seed>}.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class ExactlyOnceTest {

    static final long[] SEEDS = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233};

    FakePortmone portmone;
    QuickGreenMail mail;

    @Test
    void everyGeneratedInterleavingKeepsEachOrderOnceAndLosesNone() throws Exception {
        InterleavingRunner runner = new InterleavingRunner("exactly-once", portmone, InterleavingRunner.MailServer.of(mail));
        List<InterleavingRunner.Outcome> outcomes = new ArrayList<>();
        long longest = 0;
        for (long seed : seeds()) {
            Interleaving scenario = Interleaving.generate(seed);
            InterleavingRunner.Outcome outcome = runner.play(scenario);
            outcomes.add(outcome);
            longest = Math.max(longest, outcome.millis());
            assertThat(outcome.violations())
                    .as("broken promises; play again with -Dinterleavings.seeds=%d%n%s", seed, scenario)
                    .isEmpty();
        }
        System.out.printf("Interleavings: %d cases, %d records posted, %d runs and replays, %d test sends;"
                        + " longest case %d ms (%d steps)%n", outcomes.size(),
                outcomes.stream().mapToInt(InterleavingRunner.Outcome::posted).sum(),
                outcomes.stream().mapToInt(InterleavingRunner.Outcome::runs).sum(),
                outcomes.stream().mapToInt(InterleavingRunner.Outcome::testSends).sum(), longest,
                outcomes.stream().mapToInt(o -> o.scenario().steps().size()).max().orElse(0));
    }

    /** The fixed seeds, or those given, or as many random ones as asked for. */
    static long[] seeds() {
        String given = System.getProperty("interleavings.seeds");
        if (given != null && !given.isBlank()) {
            return Arrays.stream(given.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
        }
        int cases = Integer.getInteger("interleavings.cases", 0);
        if (cases > 0) {
            long start = System.nanoTime();
            return java.util.stream.LongStream.range(0, cases).map(i -> start + i * 0x9E3779B97F4A7C15L).toArray();
        }
        return SEEDS;
    }
}
