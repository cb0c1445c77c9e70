package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.RecordSettled;
import dev.portmoneconnect.ledger.RecordStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Follows the ledger for sheet rows: a delivered row joins the connection's settled keys (never
 * looked at again), and every settled row of a run that writes back is queued for the write at the
 * run's end. A dry run or a test send changes neither.
 */
@ApplicationScoped
public class SheetSettlement {

    @Inject
    SheetProgress progress;

    @Inject
    SheetRuns runs;

    @Inject
    SheetWriteBackQueue queue;

    void onSettled(@Observes RecordSettled event) {
        if (event.dryRun() || event.recordKey() == null || event.sourceId() == null
                || !event.sourceId().startsWith(SheetTable.SOURCE_PREFIX) || runs.isTest(event.connectionId())) {
            return;
        }
        if (event.status() == RecordStatus.DELIVERED) {
            progress.settle(event.connectionId(), event.recordKey(), SheetProgress.DELIVERED);
        }
        if (runs.writesBack(event.connectionId())) {
            queue.add(event.connectionId(), event.recordKey());
        }
    }
}
