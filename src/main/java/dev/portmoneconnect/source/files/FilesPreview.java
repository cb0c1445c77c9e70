package dev.portmoneconnect.source.files;

import dev.portmoneconnect.source.PreviewSource;
import dev.portmoneconnect.source.SourceRecord;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the files waiting in a drop folder, in the order the next run would take them: the
 * files are read where they are, never locked, moved or written to.
 */
@ApplicationScoped
public class FilesPreview implements PreviewSource {

    @Inject
    OrderFiles files;

    @Inject
    Clock clock;

    @Override
    public boolean reads(Endpoint endpoint) {
        return endpoint instanceof FilesEndpoint;
    }

    @Override
    public List<SourceRecord> peek(Endpoint endpoint, String connectionId, int limit) {
        FilesEndpoint drop = (FilesEndpoint) endpoint;
        List<SourceRecord> records = new ArrayList<>();
        for (Path path : drop.waitingFiles(clock.instant())) {
            try {
                for (SourceRecord record : files.read(path.getFileName().toString(), Files.readAllBytes(path),
                        drop.layout()).records()) {
                    records.add(record);
                    if (records.size() == limit) {
                        return records;
                    }
                }
            } catch (IOException | UnreadableFileException e) {
                Log.infof("Preview of %s leaves out %s: %s", connectionId, path.getFileName(), e.getMessage());
            }
        }
        return records;
    }
}
