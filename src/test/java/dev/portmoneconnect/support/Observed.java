package dev.portmoneconnect.support;

import dev.portmoneconnect.connection.RunFinished;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.schedule.Firing;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Collects the application's firings and finished runs, so tests wait for them instead of sleeping.
 * It observes after the application's own observers (metrics, chains), so a test it wakes sees
 * what they did.
 */
@ApplicationScoped
public class Observed {

    private static final long TIMEOUT_MILLIS = 15_000;

    private final List<Firing> firings = new ArrayList<>();
    private final List<Run> finished = new ArrayList<>();

    synchronized void firing(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) Firing firing) {
        firings.add(firing);
        notifyAll();
    }

    synchronized void finished(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) RunFinished event) {
        finished.add(event.run());
        notifyAll();
    }

    public synchronized List<Firing> firings(Predicate<Firing> which) {
        return firings.stream().filter(which).toList();
    }

    /** Marks the firings seen so far, for {@link #firingsSince}. */
    public synchronized int mark() {
        return firings.size();
    }

    public synchronized List<Firing> firingsSince(int mark, Predicate<Firing> which) {
        return firings.subList(mark, firings.size()).stream().filter(which).toList();
    }

    public Firing awaitFiringSince(int mark, Predicate<Firing> which) throws InterruptedException {
        return await(() -> firingsSince(mark, which), "a firing");
    }

    public synchronized List<Run> finishedRuns(Predicate<Run> which) {
        return finished.stream().filter(which).toList();
    }

    public Firing awaitFiring(Predicate<Firing> which) throws InterruptedException {
        return await(() -> firings(which), "a firing");
    }

    public Run awaitFinished(String runId) throws InterruptedException {
        return await(() -> finishedRuns(r -> r.id().equals(runId)), "run " + runId + " to finish");
    }

    private synchronized <T> T await(Supplier<List<T>> found, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        List<T> matches = found.get();
        while (matches.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("waited " + TIMEOUT_MILLIS + " ms for " + what);
            }
            wait(left);
            matches = found.get();
        }
        return matches.get(0);
    }
}
