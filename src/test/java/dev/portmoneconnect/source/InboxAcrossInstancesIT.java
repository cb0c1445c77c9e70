package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.InstanceWiring;
import dev.portmoneconnect.source.InboxRepository.InboxEntry;
import dev.portmoneconnect.support.TestPostgres;
import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs of two instances taking webhook records from one inbox on PostgreSQL: rows locked or
 * claimed by a live run are never taken by another, rows of a run that went silent are.
 */
@Tag("postgres")
class InboxAcrossInstancesIT {

    static final String SCHEMA = "inbox_it";
    static final String CONNECTION = "inbox-orders";
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int RECORDS = 400;

    AgroalDataSource poolA;
    AgroalDataSource poolB;

    @BeforeEach
    void database() {
        TestPostgres.freshSchema(SCHEMA);
        poolA = TestPostgres.pool(SCHEMA, 4);
        poolB = TestPostgres.pool(SCHEMA, 4);
    }

    @AfterEach
    void close() {
        poolA.close();
        poolB.close();
    }

    @Test
    void liveRunsTakeDisjointRecordsAndASilentRunsRecordsAreTakenOver() throws Exception {
        InstanceWiring a = new InstanceWiring(poolA, Clock.systemUTC(), LEASE);
        InstanceWiring b = new InstanceWiring(poolB, Clock.systemUTC(), LEASE);
        InboxRepository inboxA = inbox(a);
        InboxRepository inboxB = inbox(b);
        inboxA.store(CONNECTION, IntStream.range(0, RECORDS).mapToObj(i -> "{\"order_id\":\"" + i + "\"}").toList());
        String runA = start(a, "alpha");
        String runB = start(b, "beta");

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<List<InboxEntry>> takenByA = CompletableFuture.supplyAsync(() -> takeAfter(go, inboxA, runA));
        CompletableFuture<List<InboxEntry>> takenByB = CompletableFuture.supplyAsync(() -> takeAfter(go, inboxB, runB));
        go.countDown();
        Set<Long> a1 = ids(takenByA.get());
        Set<Long> b1 = ids(takenByB.get());

        assertThat(a1).doesNotContainAnyElementsOf(b1);
        Set<Long> all = new HashSet<>(a1);
        all.addAll(b1);
        assertThat(all).hasSize(RECORDS);

        // Another run while both are alive finds nothing to take.
        String runC = start(b, "beta");
        assertThat(inboxB.take(CONNECTION, runC, RECORDS)).isEmpty();

        // Run A settles some records, then its process stops. Seen past the lease, its unsettled records
        // are free again; run B's are too, as B has gone silent as well by then.
        List<Long> settled = new ArrayList<>(a1).subList(0, a1.size() / 2);
        settled.forEach(id -> inboxA.markSettled(id, null, false));
        InstanceWiring later = new InstanceWiring(poolB, Clock.offset(Clock.systemUTC(), LEASE.plusSeconds(1)), LEASE);
        InboxRepository inboxLater = inbox(later);
        String runD = start(later, "beta");
        Set<Long> takenOver = ids(inboxLater.take(CONNECTION, runD, RECORDS));
        assertThat(takenOver).hasSize(RECORDS - settled.size()).doesNotContainAnyElementsOf(settled);
    }

    private static List<InboxEntry> takeAfter(CountDownLatch go, InboxRepository inbox, String runId) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        List<InboxEntry> taken = new ArrayList<>();
        // a run takes its records in batches here, to give the other one every chance to interleave
        for (List<InboxEntry> batch = inbox.take(CONNECTION, runId, 25); !batch.isEmpty();
             batch = inbox.take(CONNECTION, runId, 25)) {
            taken.addAll(batch);
        }
        return taken;
    }

    private static String start(InstanceWiring instance, String instanceId) {
        String runId = UUID.randomUUID().toString();
        instance.runs.start(runId, CONNECTION, "schedule", false, false, instanceId);
        return runId;
    }

    private static InboxRepository inbox(InstanceWiring instance) {
        InboxRepository inbox = new InboxRepository();
        inbox.jdbc = instance.jdbc;
        inbox.clock = instance.clock;
        inbox.liveness = instance.liveness;
        return inbox;
    }

    private static Set<Long> ids(List<InboxEntry> entries) {
        Set<Long> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
