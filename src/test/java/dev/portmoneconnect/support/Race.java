package dev.portmoneconnect.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Contenders let go at the same instant, each on a thread of its own. */
public final class Race {

    private Race() {
    }

    /** @return each contender's result, in the order given */
    @SafeVarargs
    public static <T> List<T> of(Callable<T>... contenders) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(contenders.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> contender : contenders) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return contender.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
