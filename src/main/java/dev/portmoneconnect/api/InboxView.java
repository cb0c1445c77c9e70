package dev.portmoneconnect.api;

import dev.portmoneconnect.source.InboxRepository.InboxState;

import java.time.Instant;

/**
 * A record a webhook accepted, as the API shows it.
 *
 * @param status PENDING (waiting for a run), DONE (the ledger holds its outcome), DUPLICATE (it named an
 *               order another record holds, with the same content, and was not handled again)
 * @param record the ledger record that holds its outcome: {@code GET /api/records/{record}}
 */
public record InboxView(long id, String connection, String status, Instant receivedAt, Instant settledAt, Long record) {

    static InboxView of(InboxState state) {
        return new InboxView(state.id(), state.connectionId(), state.status(), state.receivedAt(), state.settledAt(),
                state.recordId());
    }
}
