package dev.portmoneconnect.connection;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordStatus;
import dev.portmoneconnect.ledger.ReplayRequested;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives failed and parked records another go through their connection's route. The ledger guard
 * still decides: a record whose invoice exists is never invoiced again, its stored link is only
 * delivered again if delivery is what failed.
 */
@ApplicationScoped
public class ReplayService {

    @Inject
    LedgerRepository ledger;

    @Inject
    RunRepository runs;

    @Inject
    RunService runService;

    @Inject
    Event<ReplayRequested> replayRequested;

    public RunService.StartedRun replayRecord(long recordId) {
        LedgerRecord row = ledger.findById(recordId)
                .orElseThrow(() -> new NothingToReplayException("No record " + recordId, true));
        if (TestSends.isTestKey(row.recordKey())) {
            throw new NothingToReplayException("Record " + recordId + " is a test send: send another test instead", false);
        }
        if (row.status() == RecordStatus.DELIVERED) {
            throw new NothingToReplayException("Record " + recordId + " is already invoiced and delivered", false);
        }
        return replay(row.connectionId(), List.of(row));
    }

    public RunService.StartedRun replayFailed(String runId) {
        Run run = runs.find(runId).orElseThrow(() -> new NothingToReplayException("No run " + runId, true));
        if (run.test()) {
            throw new NothingToReplayException("Run " + runId + " is a test send: send another test instead", false);
        }
        List<LedgerRecord> failed = ledger.failedRecordsOfRun(runId);
        if (failed.isEmpty()) {
            throw new NothingToReplayException("Run " + runId + " left no failed or parked records", false);
        }
        return replay(failed.get(0).connectionId(), failed);
    }

    private RunService.StartedRun replay(String connectionId, List<LedgerRecord> rows) {
        replayRequested.fire(new ReplayRequested(connectionId, rows.stream().map(LedgerRecord::sourceId).toList()));
        Set<String> keys = rows.stream().map(LedgerRecord::recordKey).collect(Collectors.toSet());
        return runService.start(connectionId, RunRequest.replay(keys));
    }

    /** The replay names nothing that could be replayed. */
    public static class NothingToReplayException extends RuntimeException {
        private final boolean missing;

        public NothingToReplayException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }
}
