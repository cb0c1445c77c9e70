package dev.portmoneconnect.payments;

import dev.portmoneconnect.portmone.PortmoneConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The configured accounts, by name. */
    public List<String> accounts() {
        return List.copyOf(new TreeSet<>(config.accounts().keySet()));
    }

    public PollReport poll(String account) {
        ReentrantLock lock = locks.computeIfAbsent(account, a -> new ReentrantLock());
        lock.lock();
        try {
            tracking.sweep();
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
