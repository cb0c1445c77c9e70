package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook posts that arrive together share a commit, and each is answered only with its own records stored. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class InboxGroupCommitTest {

    @Inject
    InboxRepository inbox;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Test
    void postsFromManyClientsAtOnceEachGetTheirOwnStoredRecords() throws Exception {
        String connection = "group-commit-many";
        ExecutorService clients = Executors.newFixedThreadPool(16);
        Map<Long, String> answered = new ConcurrentHashMap<>();
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String payload = "{\"order_id\":\"G-" + i + "\"}";
            List<String> payloads = i % 10 == 0 ? List.of(payload, payload.replace("G-", "H-")) : List.of(payload);
            posts.add(clients.submit(() -> {
                List<Long> ids = inbox.store(connection, payloads);
                assertThat(ids).hasSize(payloads.size());
                for (int k = 0; k < ids.size(); k++) {
                    assertThat(answered.put(ids.get(k), payloads.get(k))).isNull();
                }
            }));
        }
        for (Future<?> post : posts) {
            post.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<Long, String> stored = new ConcurrentHashMap<>();
        jdbc.list("SELECT id, payload FROM inbox WHERE connection_id = ?", rs -> stored.put(rs.getLong("id"),
                rs.getString("payload")), connection);
        assertThat(stored).hasSize(440).isEqualTo(answered);
    }

    @Test
    void aPostThatCannotBeStoredDoesNotRefuseThePostsThatWaitedBesideIt() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        List<String> writtenByAnother = Collections.synchronizedList(new ArrayList<>());
        InboxGroupCommit commits = new InboxGroupCommit(jdbc, clock, (c, post, receivedAt) -> {
            if (post.payloads.get(0).startsWith("first@")) {
                firstWriting.countDown();
                awaitQuietly(othersWaiting);
            }
            String poster = post.payloads.get(0).substring(post.payloads.get(0).indexOf('@') + 1);
            if (!poster.equals(Thread.currentThread().getName())) {
                writtenByAnother.add(post.payloads.get(0));
            }
            List<Long> ids = new ArrayList<>();
            for (String payload : post.payloads) {
                // a null connection breaks the inbox's NOT NULL rule
                ids.add(Jdbc.insert(c, "INSERT INTO inbox (connection_id, payload, status, received_at) VALUES (?, ?, ?, ?)",
                        post.connectionId, payload, InboxRepository.PENDING, receivedAt));
            }
            return ids;
        });
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Future<List<Long>> first = clients.submit(() -> commits.store("group-commit-bad", List.of(named("first"))));
        assertThat(firstWriting.await(10, TimeUnit.SECONDS)).isTrue();
        Future<List<Long>> good = clients.submit(() -> commits.store("group-commit-bad", List.of(named("good"))));
        Future<List<Long>> bad = clients.submit(() -> commits.store(null, List.of(named("bad"))));
        Future<List<Long>> alsoGood = clients.submit(() -> commits.store("group-commit-bad", List.of(named("also good"))));
        Thread.sleep(300);
        othersWaiting.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThat(good.get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThat(alsoGood.get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        clients.shutdown();
        List<String> stored = jdbc.list("SELECT payload FROM inbox WHERE connection_id = ? ORDER BY id",
                rs -> rs.getString("payload").substring(0, rs.getString("payload").indexOf('@')), "group-commit-bad");
        assertThat(new HashSet<>(stored)).containsExactlyInAnyOrder("first", "good", "also good");
        // the three that waited were written together, by one of their threads for all of them
        assertThat(writtenByAnother).isNotEmpty();
    }

    /** A payload that names the thread posting it. */
    private static String named(String payload) {
        return payload + "@" + Thread.currentThread().getName();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
