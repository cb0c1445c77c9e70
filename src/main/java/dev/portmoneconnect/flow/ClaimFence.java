package dev.portmoneconnect.flow;

import org.apache.camel.Exchange;

/**
 * Asked by a step right before it calls Portmone or a payer's gateway: the record it carries must
 * still be its run's to handle. A run that went silent and was taken over while it was in the
 * middle of its records sends nothing more for them.
 */
public interface ClaimFence {

    /** @throws RuntimeException when another run holds the record now; the error handling leaves it to that run */
    void proveHeld(Exchange exchange);
}
