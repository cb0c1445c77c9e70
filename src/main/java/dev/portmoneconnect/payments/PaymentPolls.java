package dev.portmoneconnect.payments;

import dev.portmoneconnect.portmone.PortmoneConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Status polls, by schedule or on demand: one at a time per account in this instance (a poll asked
 * for while one runs waits for it and then polls again, so its answer is fresh). Across instances
 * the scheduled poll runs on one of them; a poll on demand anywhere only repeats what Portmone says,
 * and each change is made once.
 */
@ApplicationScoped
public class PaymentPolls {

    @Inject
    PaymentPoller poller;

    @Inject
    PaymentTracking tracking;

    @Inject
    PortmoneConfig config;

    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    @Inject
    Clock clock;

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>();

    /** The configured accounts, by name. */
    public List<String> accounts() {
        return List.copyOf(new TreeSet<>(config.accounts().keySet()));
    }

    /** A poll asked for: invoices whose following was missed are looked for first. */
    public PollReport poll(String account) {
        return poll(account, true);
    }

    /** A poll of the account's schedule: it looks for missed invoices at most once a minute. */
    public PollReport scheduled(String account) {
        Instant now = clock.instant();
        Instant last = lastSweep.get();
        return poll(account, last == null || !last.plus(SWEEP_EVERY).isAfter(now));
    }

    private PollReport poll(String account, boolean sweep) {
        ReentrantLock lock = locks.computeIfAbsent(account, a -> new ReentrantLock());
        lock.lock();
        try {
            if (sweep) {
                lastSweep.set(clock.instant());
                tracking.sweep();
            }
            return poller.poll(account);
        } finally {
            lock.unlock();
        }
    }

    public List<PollReport> pollAll() {
        List<PollReport> reports = new ArrayList<>();
        for (String account : accounts()) {
            try {
                reports.add(poll(account));
            } catch (RuntimeException e) {
                Log.warnf(e, "Payment status poll of account %s failed", account);
                reports.add(new PollReport(account, false, e.getMessage(), 0, 0, 0, 0, 0));
            }
        }
        return reports;
    }
}
