package dev.portmoneconnect.source.files;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.TimeUtils;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replaces the body with the orders of the CSV and .xlsx files dropped into a folder, as
 * {@code List<SourceRecord>}, oldest file first. Files are taken through Camel's file component: a
 * file still being written (changed within {@code minAge}, or without its done file) is left for a
 * later run. At the end of the run each file whose rows all have their outcome in the ledger is moved
 * into {@code doneDirectory} with {@code <name>.result.csv} beside it; a file that cannot be read
 * at all goes to {@code failedDirectory} with the reason.
 */
@UriEndpoint(scheme = "files", title = "Dropped order files", syntax = "files:connectionId", producerOnly = true,
        category = {Category.FILE}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class FilesEndpoint extends DefaultEndpoint {

    /** Header of a taken file's exchange: where Camel moves it when the run is done with it. */
    static final String DESTINATION = "PortmoneConnectFileDestination";

    @UriPath(description = "Connection whose files these are; defaults to the running connection")
    private String connectionId;

    @UriParam(description = "The folder files are dropped into")
    @Metadata(required = true)
    private String directory;

    @UriParam(description = "Where a file goes, with its <name>.result.csv, once every row has its outcome;"
            + " relative to directory", defaultValue = "done")
    private String doneDirectory = "done";

    @UriParam(description = "Where a file that cannot be read goes, with its <name>.result.csv; relative to"
            + " directory", defaultValue = "failed")
    private String failedDirectory = "failed";

    @UriParam(description = "Read a file only once this file is there too, such as ${file:name}.done (Camel's"
            + " done file); it is deleted with the file")
    private String doneFileName;

    @UriParam(description = "Read a file only once it has not changed for this long", defaultValue = "10s")
    private String minAge = "10s";

    @UriParam(description = "Most files one run takes", defaultValue = "10")
    private int maxFiles = 10;

    @UriParam(description = "Header of the column that identifies an order (such as Order ID); without one a"
            + " row is identified by its content")
    private String keyColumn;

    @UriParam(description = "Headers of .xlsx columns holding dates, converted from serial numbers to ISO dates")
    private String dateColumns;

    @UriParam(description = "CSV delimiter: auto (told from the header line), a comma, a semicolon or tab",
            defaultValue = "auto")
    private String delimiter = "auto";

    @UriParam(description = "Character set of CSV files", defaultValue = "UTF-8")
    private String charset = "UTF-8";

    @UriParam(description = "Sheet of .xlsx files to read; the first one by default")
    private String sheet;

    public FilesEndpoint(String uri, FilesComponent component) {
        super(uri, component);
    }

    @Override
    public FilesComponent getComponent() {
        return (FilesComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new FilesProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("files: is read by a connection's run: put it after connection:...");
    }

    void validate() {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("files:" + connectionId + " needs the directory files are dropped into");
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("files:" + connectionId + " maxFiles must be at least 1");
        }
        minAgeMillis();
        delimiterChar();
        Charset.forName(charset);
    }

    FileLayout layout() {
        String key = keyColumn == null || keyColumn.isBlank() ? null : keyColumn.strip();
        Set<String> dates = dateColumns == null || dateColumns.isBlank() ? Set.of()
                : Arrays.stream(dateColumns.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new FileLayout(key, dates, delimiterChar(), Charset.forName(charset),
                sheet == null || sheet.isBlank() ? null : sheet.strip());
    }

    long minAgeMillis() {
        return TimeUtils.toMilliSeconds(minAge.strip());
    }

    private Character delimiterChar() {
        String d = delimiter == null ? "auto" : delimiter;
        return switch (d.toLowerCase(Locale.ROOT)) {
            case "auto", "" -> null;
            case "tab", "\t" -> '\t';
            default -> {
                if (d.length() != 1) {
                    throw new IllegalArgumentException("files:" + connectionId + " delimiter must be auto, one"
                            + " character or tab, not '" + d + "'");
                }
                yield d.charAt(0);
            }
        };
    }

    /**
     * Camel's file consumer for the folder: CSV and .xlsx files only, oldest first, a file only once
     * it has not changed for minAge (a marker file claims it meanwhile), moved where the run says.
     */
    String dropUri() {
        long minAge = Math.max(1, minAgeMillis());
        StringBuilder uri = new StringBuilder("file:").append(directory)
                .append("?includeExt=csv,xlsx&sortBy=file:modified&eagerMaxMessagesPerPoll=false")
                .append("&readLock=changed&readLockMinLength=0&readLockMinAge=").append(minAge)
                .append("&readLockCheckInterval=500&readLockTimeout=1500&readLockLoggingLevel=OFF")
                .append("&move=${header.").append(DESTINATION).append("}/${file:name}")
                .append("&autoCreate=true");
        if (doneFileName != null && !doneFileName.isBlank()) {
            uri.append("&doneFileName=").append(doneFileName.strip());
        }
        return uri.toString();
    }

    /** Camel's file producer writing result files into one of the folders, through a temporary name. */
    String resultUri(String folder) {
        return "file:" + Path.of(directory).resolve(folder) + "?fileExist=Override&tempPrefix=.writing-&autoCreate=true";
    }

    String doneFolder() {
        return doneDirectory;
    }

    String failedFolder() {
        return failedDirectory;
    }

    /**
     * The files the next run would take, read without taking them: for preview and dry runs. The
     * same rules as the file consumer: CSV and .xlsx, oldest first, unchanged for minAge, done file there.
     */
    List<Path> waitingFiles(Instant now) {
        Path folder = Path.of(directory);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        long minAge = minAgeMillis();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> hasOrderExtension(p.getFileName().toString()))
                    .filter(p -> modified(p) <= now.toEpochMilli() - minAge)
                    .filter(this::doneFileThere)
                    .sorted(Comparator.comparingLong(FilesEndpoint::modified))
                    .limit(maxFiles)
                    .toList();
        } catch (IOException e) {
            throw new UnreadableFileException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private boolean doneFileThere(Path file) {
        if (doneFileName == null || doneFileName.isBlank()) {
            return true;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String done = doneFileName.strip().replace("${file:name.noext}", dot > 0 ? name.substring(0, dot) : name)
                .replace("${file:name}", name);
        return Files.exists(file.resolveSibling(done));
    }

    private static boolean hasOrderExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".xlsx");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public String getDoneDirectory() {
        return doneDirectory;
    }

    public void setDoneDirectory(String doneDirectory) {
        this.doneDirectory = doneDirectory;
    }

    public String getFailedDirectory() {
        return failedDirectory;
    }

    public void setFailedDirectory(String failedDirectory) {
        this.failedDirectory = failedDirectory;
    }

    public String getDoneFileName() {
        return doneFileName;
    }

    public void setDoneFileName(String doneFileName) {
        this.doneFileName = doneFileName;
    }

    public String getMinAge() {
        return minAge;
    }

    public void setMinAge(String minAge) {
        this.minAge = minAge;
    }

    public int getMaxFiles() {
        return maxFiles;
    }

    public void setMaxFiles(int maxFiles) {
        this.maxFiles = maxFiles;
    }

    public String getKeyColumn() {
        return keyColumn;
    }

    public void setKeyColumn(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    public String getDateColumns() {
        return dateColumns;
    }

    public void setDateColumns(String dateColumns) {
        this.dateColumns = dateColumns;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }

    public String getSheet() {
        return sheet;
    }

    public void setSheet(String sheet) {
        this.sheet = sheet;
    }
}
