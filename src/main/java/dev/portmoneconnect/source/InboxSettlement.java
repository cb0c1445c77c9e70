package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.RecordSettled;
import dev.portmoneconnect.ledger.ReplayRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Marks an inbox record done once the ledger holds its outcome (or a duplicate, when it named an order
 * another record holds), and pending again when an operator
 * replays it. A dry run leaves it pending, so switching dry run off later invoices it for real, and
 * so does a test send made from it.
 */
@ApplicationScoped
public class InboxSettlement {

    static final String PREFIX = "inbox:";

    @Inject
    InboxRepository inbox;

    void onSettled(@Observes RecordSettled event) {
        if (event.dryRun() || event.test() || event.sourceId() == null || !event.sourceId().startsWith(PREFIX)) {
            return;
        }
        inbox.markSettled(Long.parseLong(event.sourceId().substring(PREFIX.length())), event.recordId(),
                event.duplicate());
    }

    void onReplay(@Observes ReplayRequested event) {
        for (String sourceId : event.sourceIds()) {
            if (sourceId != null && sourceId.startsWith(PREFIX)) {
                inbox.reopen(Long.parseLong(sourceId.substring(PREFIX.length())));
            }
        }
    }

    static String sourceId(long inboxId) {
        return PREFIX + inboxId;
    }
}
