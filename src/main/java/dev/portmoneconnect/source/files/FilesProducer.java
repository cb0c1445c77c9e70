package dev.portmoneconnect.source.files;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.RunFailure;
import dev.portmoneconnect.source.RunSettlements;
import dev.portmoneconnect.source.SourceRecord;
import io.quarkus.logging.Log;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's take of the drop folder: up to {@code maxFiles} files through Camel's file consumer, each
 * read into records. When the run ends, each file whose rows all have their outcome in the ledger
 * gets its {@code .result.csv} and is moved into the done folder; a file with a row the ledger does
 * not hold stays where it is and is read again by the next run (the ledger keeps its rows from being
 * invoiced twice). A dry run reads the files without taking them.
 */
public class FilesProducer extends DefaultProducer {

    public FilesProducer(FilesEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public FilesEndpoint getEndpoint() {
        return (FilesEndpoint) super.getEndpoint();
    }

    /** A file this run took: read, or unreadable. */
    private record Taken(Exchange exchange, String name, OrderFile file, UnreadableFileException unreadable) {
    }

    /** A file done before, read again for the rows a replay gives another go. */
    private record Replayed(OrderFile file, List<SourceRecord> records) {
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getHeader(ConnectHeaders.TEST, false, Boolean.class)) {
            // a test send carries the one record under test; the dropped files stay for real runs
            return;
        }
        FilesEndpoint endpoint = getEndpoint();
        String connectionId = endpoint.getConnectionId() == null || endpoint.getConnectionId().isBlank()
                ? in.getHeader(ConnectHeaders.CONNECTION_ID, String.class) : endpoint.getConnectionId();
        if (in.getHeader(ConnectHeaders.DRY_RUN, false, Boolean.class)) {
            in.setBody(rehearse(endpoint));
            return;
        }
        FilesComponent component = endpoint.getComponent();
        List<Taken> taken = take(endpoint);
        List<SourceRecord> records = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Taken t : taken) {
            if (t.file() != null) {
                records.addAll(t.file().records());
            } else {
                unreadable.add(t.unreadable().getMessage());
            }
        }
        if (!taken.isEmpty()) {
            Log.infof("Files of %s: took %d (%s), %d records", connectionId, taken.size(),
                    String.join(", ", taken.stream().map(Taken::name).toList()), records.size());
        }
        Set<?> replayKeys = in.getHeader(ConnectHeaders.REPLAY_KEYS, Set.of(), Set.class);
        List<Replayed> replayed = replayKeys.isEmpty() ? List.of() : replayed(connectionId, replayKeys);
        replayed.forEach(r -> records.addAll(r.records()));
        if (!unreadable.isEmpty()) {
            exchange.setProperty(RunFailure.PROPERTY, new UnreadableFileException(String.join("; ", unreadable)
                    + " (moved to " + endpoint.failedFolder() + ")"));
        }
        component.settlements().follow(exchange, connectionId, settled -> {
            for (Taken t : taken) {
                finish(connectionId, t, settled);
            }
            for (Replayed r : replayed) {
                rewriteResult(connectionId, r.file(), settled);
            }
        }, () -> taken.forEach(t -> release(t, "the run failed")));
        in.setBody(records);
    }

    private List<Taken> take(FilesEndpoint endpoint) {
        FilesComponent component = endpoint.getComponent();
        List<Taken> taken = new ArrayList<>();
        String uri = endpoint.dropUri();
        for (int i = 0; i < endpoint.getMaxFiles(); i++) {
            Exchange file = component.consumer().receiveNoWait(uri);
            if (file == null) {
                break;
            }
            String name = file.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            try {
                byte[] content = file.getMessage().getBody(byte[].class);
                taken.add(new Taken(file, name, component.reader().read(name, content, endpoint.layout()), null));
            } catch (UnreadableFileException e) {
                Log.warnf("File %s cannot be read: %s", name, e.getMessage());
                taken.add(new Taken(file, name, null, e));
            } catch (RuntimeException e) {
                taken.add(new Taken(file, name, null, new UnreadableFileException(name + " cannot be read: "
                        + e.getMessage(), e)));
            }
        }
        return taken;
    }

    /**
     * The rows a replay gives another go, read again from their files in the done folder: the
     * ledger's source ids name the file and the row.
     */
    private List<Replayed> replayed(String connectionId, Set<?> replayKeys) {
        FilesEndpoint endpoint = getEndpoint();
        Map<String, LedgerRecord> rows = endpoint.getComponent().ledger().findAll(connectionId,
                replayKeys.stream().map(String::valueOf).toList());
        Map<String, Set<String>> sourceIdsByFile = new LinkedHashMap<>();
        for (LedgerRecord row : rows.values()) {
            String sourceId = row.sourceId();
            if (sourceId != null && sourceId.startsWith(FileRows.SCHEME + ":") && sourceId.lastIndexOf('#') > 0) {
                String name = sourceId.substring(FileRows.SCHEME.length() + 1, sourceId.lastIndexOf('#'));
                sourceIdsByFile.computeIfAbsent(name, n -> new HashSet<>()).add(sourceId);
            }
        }
        List<Replayed> replayed = new ArrayList<>();
        sourceIdsByFile.forEach((name, sourceIds) -> {
            Path path = Path.of(endpoint.getDirectory()).resolve(endpoint.doneFolder()).resolve(name);
            try {
                OrderFile file = endpoint.getComponent().reader().read(name, Files.readAllBytes(path), endpoint.layout());
                List<SourceRecord> again = file.records().stream().filter(r -> sourceIds.contains(r.sourceId())
                        && (r.key() == null || replayKeys.contains(r.key()))).toList();
                Log.infof("Replay of %s: %d rows of %s read again from %s", connectionId, again.size(), name,
                        endpoint.doneFolder());
                replayed.add(new Replayed(file, again));
            } catch (IOException | UnreadableFileException e) {
                Log.warnf("Replay of %s cannot read %s again from %s: %s", connectionId, name, endpoint.doneFolder(),
                        e.getMessage());
            }
        });
        return replayed;
    }

    /** A replayed file's result, written again with what the ledger holds now. */
    private void rewriteResult(String connectionId, OrderFile file, RunSettlements.Run settled) {
        try {
            writeResult(getEndpoint().doneFolder(), file.name(), ResultFile.rows(file, outcomes(connectionId, file,
                    settled)), file.delimiter());
        } catch (RuntimeException e) {
            Log.warnf("The result of %s could not be written again: %s", file.name(), e.getMessage());
        }
    }

    /** The records the next run would take, read without taking the files. */
    private List<SourceRecord> rehearse(FilesEndpoint endpoint) {
        List<SourceRecord> records = new ArrayList<>();
        for (Path path : endpoint.waitingFiles(Instant.now())) {
            try {
                records.addAll(endpoint.getComponent().reader().read(path.getFileName().toString(),
                        Files.readAllBytes(path), endpoint.layout()).records());
            } catch (IOException | UnreadableFileException e) {
                Log.infof("Dry run leaves out %s: %s", path.getFileName(), e.getMessage());
            }
        }
        return records;
    }

    private void finish(String connectionId, Taken taken, RunSettlements.Run settled) {
        FilesEndpoint endpoint = getEndpoint();
        try {
            if (taken.file() == null) {
                writeResult(endpoint.failedFolder(), taken.name(), ResultFile.unreadable(taken.unreadable().getMessage()),
                        ',');
                commit(taken, endpoint.failedFolder());
                return;
            }
            Map<Integer, LedgerRecord> outcomes = outcomes(connectionId, taken.file(), settled);
            long missing = taken.file().rows().stream()
                    .filter(r -> r.record() != null && !outcomes.containsKey(r.rowNumber())).count();
            if (missing > 0) {
                Log.warnf("File %s stays in place: %d of its rows have no outcome yet; the next run reads it again",
                        taken.name(), missing);
                release(taken, missing + " rows without an outcome");
                return;
            }
            writeResult(endpoint.doneFolder(), taken.name(), ResultFile.rows(taken.file(), outcomes),
                    taken.file().delimiter());
            commit(taken, endpoint.doneFolder());
        } catch (RuntimeException e) {
            Log.warnf(e, "File %s stays in place: its result could not be written; the next run reads it again",
                    taken.name());
            release(taken, "its result could not be written");
        }
    }

    /** Each row's ledger record, found by the key the ledger settled it under (or the row's own key). */
    private Map<Integer, LedgerRecord> outcomes(String connectionId, OrderFile file, RunSettlements.Run settled) {
        Map<Integer, String> keyByRow = new LinkedHashMap<>();
        for (OrderFile.FileRow row : file.rows()) {
            if (row.record() != null) {
                String key = settled.keyOf(row.record().sourceId());
                if (key == null) {
                    key = row.key();
                }
                if (key != null) {
                    keyByRow.put(row.rowNumber(), key);
                }
            }
        }
        Map<String, LedgerRecord> byKey = getEndpoint().getComponent().ledger().findAll(connectionId, keyByRow.values());
        Map<Integer, LedgerRecord> byRow = new HashMap<>();
        keyByRow.forEach((row, key) -> {
            LedgerRecord record = byKey.get(key);
            if (record != null) {
                byRow.put(row, record);
            }
        });
        return byRow;
    }

    private void writeResult(String folder, String fileName, List<List<String>> rows, char delimiter) {
        FilesComponent component = getEndpoint().getComponent();
        byte[] csv = component.reader().resultCsv(rows, delimiter);
        component.producer().sendBodyAndHeader(getEndpoint().resultUri(folder), csv, Exchange.FILE_NAME,
                ResultFile.nameFor(fileName));
    }

    /** Camel moves the file where the run says, and deletes its done file. */
    private void commit(Taken taken, String folder) {
        taken.exchange().getMessage().setHeader(FilesEndpoint.DESTINATION, folder);
        getEndpoint().getComponent().consumer().doneUoW(taken.exchange());
        Log.infof("File %s moved to %s with %s", taken.name(), folder, ResultFile.nameFor(taken.name()));
    }

    /** Camel lets the file go where it is, for the next run. */
    private void release(Taken taken, String why) {
        taken.exchange().setException(new IllegalStateException(taken.name() + " left for the next run: " + why));
        getEndpoint().getComponent().consumer().doneUoW(taken.exchange());
    }
}
