package dev.portmoneconnect.ledger;

/**
 * Where one source record stands. The transitions, each written to the database before the next
 * external call, are what make a crash anywhere resumable without a second invoice:
 *
 * <pre>
 *   (new) --guard--> RECEIVED --Portmone link stored--> INVOICED --delivery confirmed--> DELIVERED
 *     |                 |                                  |
 *     |                 +--> FAILED (permanent) / PARKED (retries exhausted) <--+
 *     +--> FAILED (invalid record)          DRY_RUN (rehearsal, nothing sent)
 * </pre>
 *
 * <ul>
 *   <li>RECEIVED: claimed by a run; an invoice may or may not exist yet. A resumed run calls
 *       Portmone again with the same deterministic shopOrderNumber, so Portmone still holds one
 *       order for the record.</li>
 *   <li>INVOICED: the payment link is stored; nothing will ever call createLinkPayment for this
 *       record again. Delivery may or may not have happened: a resumed run delivers (at least once)
 *       by every channel not yet recorded as delivered. Each channel (e-mail, SMS) is recorded the
 *       moment it has sent, so a record whose SMS failed after its e-mail went out is, when
 *       retried, sent the SMS only.</li>
 *   <li>DELIVERED: final. Never invoiced or sent again, even if the source record is edited.</li>
 *   <li>FAILED / PARKED: the reason is stored; retried when the record's content changes or when an
 *       operator replays it. A stored link is re-delivered, never re-created, and only by the
 *       channels that have not delivered it yet.</li>
 * </ul>
 */
public enum RecordStatus {
    RECEIVED, INVOICED, DELIVERED, FAILED, PARKED, DRY_RUN;

    public boolean hasFinalInvoice() {
        return this == INVOICED || this == DELIVERED;
    }
}
