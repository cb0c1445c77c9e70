package dev.portmoneconnect.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A step test routes put first ({@code process: ref: testStep}) to make the next run fail as a
 * whole (as when a source cannot be read) or to hold it in progress until the test lets it go.
 */
@ApplicationScoped
@Named("testStep")
public class TestStep implements Processor {

    private volatile boolean failNext;
    private volatile boolean holdNext;
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch released = new CountDownLatch(0);

    public void failNextRun() {
        failNext = true;
    }

    public void holdNextRun() {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        holdNext = true;
    }

    /** Waits until the held run has reached this step. */
    public void awaitHeld() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no run reached the test step");
        }
    }

    public void release() {
        released.countDown();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("the source cannot be read");
        }
        if (holdNext) {
            holdNext = false;
            entered.countDown();
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("held run was never released");
            }
        }
    }
}
