package dev.portmoneconnect.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's attempts folded into one entry per source record it handled: the attempt that ended the
 * record's handling (or, for a run that stopped in the middle, the last one), with every try inside.
 */
public final class RecordRuns {

    private RecordRuns() {
    }

    /** One source record in one run. */
    public record RecordRun(RecordAttempt outcome, List<RecordAttempt> attempts) {
    }

    /** @param attempts a run's attempts in the order they were made */
    public static List<RecordRun> fold(List<RecordAttempt> attempts) {
        Map<List<Object>, List<RecordAttempt>> bySource = new LinkedHashMap<>();
        for (RecordAttempt attempt : attempts) {
            List<Object> source = attempt.recordId() != null || attempt.sourceId() != null
                    ? Arrays.asList(attempt.recordId(), attempt.sourceId())
                    : Arrays.asList(null, null, attempt.recordKey(), attempt.id());
            bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(attempt);
        }
        List<RecordRun> runs = new ArrayList<>();
        for (List<RecordAttempt> tries : bySource.values()) {
            // a source record settled twice in one run (a replay of a duplicate) is one entry per ending
            List<RecordAttempt> current = new ArrayList<>();
            for (RecordAttempt attempt : tries) {
                current.add(attempt);
                if (RunCounts.Outcome.isFinal(attempt.outcome())) {
                    runs.add(new RecordRun(attempt, List.copyOf(current)));
                    current.clear();
                }
            }
            if (!current.isEmpty()) {
                runs.add(new RecordRun(current.get(current.size() - 1), List.copyOf(current)));
            }
        }
        runs.sort(Comparator.comparingLong(r -> r.attempts().get(0).id()));
        return runs;
    }
}
