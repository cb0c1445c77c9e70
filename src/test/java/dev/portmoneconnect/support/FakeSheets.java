package dev.portmoneconnect.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Google Sheets v4 API, speaking its JSON: {@code GET
 * /v4/spreadsheets/{id}/values/{range}} answers a ValueRange ({@code range}, {@code majorDimension},
 * {@code values}) trimmed the way Google trims it (trailing empty cells and rows left out, empty
 * rows in between as {@code []}), and {@code POST /v4/spreadsheets/{id}/values:batchUpdate} writes
 * the cells and answers Google's response. Requests need the bearer token. It can answer HTTP 429
 * with {@code Retry-After} to the next reads or writes, counts every call, and can change a sheet
 * the moment it has answered a read ({@link #afterNextRead}), as a person editing the sheet while a
 * run goes on would: rows inserted above, sorted or deleted between the run's read and its write.
 */
public class FakeSheets implements AutoCloseable {

    public static final String ACCESS_TOKEN = TestSecrets.GOOGLE_ACCESS_TOKEN;
    public static final int GRID_ROWS = 1000;
    public static final int GRID_COLUMNS = 26;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Map<String, Sheet>> spreadsheets = new ConcurrentHashMap<>();
    private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> afterReads = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger readCalls = new AtomicInteger();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private final AtomicInteger readFailures = new AtomicInteger();
    private final AtomicInteger writeFailures = new AtomicInteger();
    private volatile int failureStatus = 429;
    private volatile String retryAfter;

    public FakeSheets() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v4/spreadsheets/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The root URL to give the client, like https://sheets.googleapis.com/. */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** A sheet (tab) of a spreadsheet, created empty on first use. */
    public Sheet sheet(String spreadsheetId, String sheetName) {
        return spreadsheets.computeIfAbsent(spreadsheetId, id -> Collections.synchronizedMap(new LinkedHashMap<>()))
                .computeIfAbsent(sheetName, Sheet::new);
    }

    /** The ranges of every values read, in order, failed ones included. */
    public List<String> reads() {
        synchronized (reads) {
            return List.copyOf(reads);
        }
    }

    /** The body of every values batchUpdate that was applied. */
    public List<JsonNode> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** Requests Google would have refused, or that ask for values in another form than the app needs. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Every request served, failed ones included: what counts against Google's quota. */
    public int calls() {
        return calls.get();
    }

    /** Values reads served, failed ones included. */
    public int readCalls() {
        return readCalls.get();
    }

    /** Values batch updates served, failed ones included. */
    public int writeCalls() {
        return writeCalls.get();
    }

    /**
     * Changes the sheet right after the next values read has been read, before its answer goes out:
     * the reader gets the rows as they were, and the sheet has changed by the time it writes.
     * Changes given for several reads apply one per read, in order.
     */
    public void afterNextRead(Runnable change) {
        afterReads.add(change);
    }

    /** Answer the next n reads with this status (429 or 5xx), saying Retry-After when not null. */
    public void failNextReads(int n, int status, String retryAfterSeconds) {
        failureStatus = status;
        retryAfter = retryAfterSeconds;
        readFailures.set(n);
    }

    public void failNextWrites(int n, int status, String retryAfterSeconds) {
        failureStatus = status;
        retryAfter = retryAfterSeconds;
        writeFailures.set(n);
    }

    public void reset() {
        spreadsheets.clear();
        reads.clear();
        writes.clear();
        problems.clear();
        readFailures.set(0);
        writeFailures.set(0);
        afterReads.clear();
        calls.set(0);
        readCalls.set(0);
        writeCalls.set(0);
    }

    private void handle(HttpExchange http) throws IOException {
        calls.incrementAndGet();
        try (http) {
            serve(http);
        } catch (RuntimeException | IOException e) {
            problems.add("the fake failed on " + http.getRequestURI() + ": " + e);
            throw e;
        }
    }

    private void serve(HttpExchange http) throws IOException {
        {
            String path = http.getRequestURI().getPath().substring("/v4/spreadsheets/".length());
            String authorization = http.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
                error(http, 401, "Request had invalid authentication credentials.", "UNAUTHENTICATED");
                return;
            }
            int slash = path.indexOf('/');
            String spreadsheetId = slash < 0 ? path : path.substring(0, slash);
            String rest = slash < 0 ? "" : path.substring(slash + 1);
            Map<String, Sheet> sheets = spreadsheets.get(spreadsheetId);
            if (sheets == null) {
                error(http, 404, "Requested entity was not found.", "NOT_FOUND");
                return;
            }
            if ("GET".equals(http.getRequestMethod()) && rest.startsWith("values/")) {
                read(http, sheets, rest.substring("values/".length()), query(http));
            } else if ("POST".equals(http.getRequestMethod()) && rest.equals("values:batchUpdate")) {
                batchUpdate(http, spreadsheetId, sheets);
            } else {
                error(http, 404, "Method not found.", "NOT_FOUND");
            }
        }
    }

    private void read(HttpExchange http, Map<String, Sheet> sheets, String range, Map<String, String> query)
            throws IOException {
        reads.add(range);
        readCalls.incrementAndGet();
        if (readFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            fail(http);
            return;
        }
        if (!"UNFORMATTED_VALUE".equals(query.get("valueRenderOption"))
                || !"SERIAL_NUMBER".equals(query.get("dateTimeRenderOption"))) {
            problems.add("read " + range + " asked for " + query);
        }
        Range r = Range.parse(range, sheets);
        Sheet sheet = sheets.get(r.sheet);
        if (sheet == null) {
            error(http, 400, "Unable to parse range: " + range, "INVALID_ARGUMENT");
            return;
        }
        List<List<Object>> values = new ArrayList<>();
        synchronized (sheet) {
            int lastRow = Math.min(r.lastRow, sheet.rows.size());
            for (int row = r.firstRow; row <= lastRow; row++) {
                List<Object> cells = sheet.rows.get(row - 1);
                List<Object> slice = new ArrayList<>();
                for (int col = r.firstColumn; col <= Math.min(r.lastColumn, cells.size() - 1); col++) {
                    Object cell = cells.get(col);
                    slice.add(cell == null ? "" : cell);
                }
                while (!slice.isEmpty() && "".equals(slice.get(slice.size() - 1))) {
                    slice.remove(slice.size() - 1);
                }
                values.add(slice);
            }
        }
        while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        int gridRows = Math.max(GRID_ROWS, sheet.rows.size());
        answer.put("range", quote(r.sheet) + "!" + column(r.firstColumn) + r.firstRow + ":"
                + column(Math.min(r.lastColumn, GRID_COLUMNS - 1)) + Math.min(r.lastRow, gridRows));
        answer.put("majorDimension", "ROWS");
        if (!values.isEmpty()) {
            answer.put("values", values);
        }
        byte[] body = JSON.writeValueAsBytes(answer);
        Runnable change;
        synchronized (afterReads) {
            change = afterReads.isEmpty() ? null : afterReads.remove(0);
        }
        if (change != null) {
            change.run();
        }
        respond(http, 200, body);
    }

    private void batchUpdate(HttpExchange http, String spreadsheetId, Map<String, Sheet> sheets) throws IOException {
        java.io.InputStream in = http.getRequestBody();
        if ("gzip".equalsIgnoreCase(http.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new java.util.zip.GZIPInputStream(in);
        }
        JsonNode body = JSON.readTree(in.readAllBytes());
        writeCalls.incrementAndGet();
        if (writeFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            fail(http);
            return;
        }
        if (!"RAW".equals(body.path("valueInputOption").asText())
                && !"USER_ENTERED".equals(body.path("valueInputOption").asText())) {
            error(http, 400, "Invalid valueInputOption", "INVALID_ARGUMENT");
            return;
        }
        List<Map<String, Object>> responses = new ArrayList<>();
        int cells = 0;
        int rows = 0;
        int maxColumns = 0;
        for (JsonNode data : body.path("data")) {
            Range r = Range.parse(data.path("range").asText(), sheets);
            Sheet sheet = sheets.get(r.sheet);
            if (sheet == null) {
                error(http, 400, "Unable to parse range: " + data.path("range").asText(), "INVALID_ARGUMENT");
                return;
            }
            int updated = 0;
            int row = r.firstRow;
            for (JsonNode values : data.path("values")) {
                int col = r.firstColumn;
                for (JsonNode value : values) {
                    sheet.set(row, col, value.isNumber() ? value.decimalValue() : value.isBoolean()
                            ? (Object) value.booleanValue() : value.asText());
                    col++;
                    updated++;
                }
                maxColumns = Math.max(maxColumns, col - r.firstColumn);
                row++;
                rows++;
            }
            cells += updated;
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("spreadsheetId", spreadsheetId);
            response.put("updatedRange", data.path("range").asText());
            response.put("updatedRows", row - r.firstRow);
            response.put("updatedColumns", maxColumns);
            response.put("updatedCells", updated);
            responses.add(response);
        }
        writes.add(body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("spreadsheetId", spreadsheetId);
        answer.put("totalUpdatedRows", rows);
        answer.put("totalUpdatedColumns", maxColumns);
        answer.put("totalUpdatedCells", cells);
        answer.put("totalUpdatedSheets", 1);
        answer.put("responses", responses);
        respond(http, 200, JSON.writeValueAsBytes(answer));
    }

    private void fail(HttpExchange http) throws IOException {
        if (retryAfter != null) {
            http.getResponseHeaders().set("Retry-After", retryAfter);
        }
        if (failureStatus == 429) {
            error(http, 429, "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute"
                    + " per user' of service 'sheets.googleapis.com'.", "RESOURCE_EXHAUSTED");
        } else {
            error(http, failureStatus, "The service is currently unavailable.", "UNAVAILABLE");
        }
    }

    private static void error(HttpExchange http, int code, String message, String status) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        respond(http, code, JSON.writeValueAsBytes(Map.of("error", error)));
    }

    private static void respond(HttpExchange http, int status, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(HttpExchange http) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = http.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String quote(String sheet) {
        return sheet.matches("[A-Za-z0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
    }

    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    static int columnIndex(String letters) {
        int index = 0;
        for (char c : letters.toCharArray()) {
            index = index * 26 + (Character.toUpperCase(c) - 'A' + 1);
        }
        return index - 1;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A range such as {@code Orders!A:Z}, {@code 'My orders'!B2:H}, {@code A1:C3} or {@code Orders}. */
    private record Range(String sheet, int firstColumn, int firstRow, int lastColumn, int lastRow) {

        static Range parse(String text, Map<String, Sheet> sheets) {
            String sheet;
            String cells;
            int bang = text.lastIndexOf('!');
            if (bang >= 0) {
                sheet = text.substring(0, bang);
                cells = text.substring(bang + 1);
            } else if (sheets.containsKey(text)) {
                sheet = text;
                cells = "";
            } else {
                sheet = sheets.keySet().iterator().next();
                cells = text;
            }
            if (sheet.startsWith("'") && sheet.endsWith("'")) {
                sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
            }
            if (cells.isEmpty()) {
                return new Range(sheet, 0, 1, GRID_COLUMNS - 1, Integer.MAX_VALUE);
            }
            String[] ends = cells.split(":");
            int[] first = cell(ends[0], 0, 1);
            int[] last = ends.length > 1 ? cell(ends[1], GRID_COLUMNS - 1, Integer.MAX_VALUE) : first;
            return new Range(sheet, first[0], first[1], last[0], last[1]);
        }

        private static int[] cell(String ref, int defaultColumn, int defaultRow) {
            int letters = 0;
            while (letters < ref.length() && Character.isLetter(ref.charAt(letters))) {
                letters++;
            }
            int column = letters == 0 ? defaultColumn : columnIndex(ref.substring(0, letters));
            int row = letters == ref.length() ? defaultRow : Integer.parseInt(ref.substring(letters));
            return new int[]{column, row};
        }
    }

    /** One tab: rows of cells, row 1 first; cells are strings, numbers, booleans or null. */
    public static final class Sheet {
        private final String name;
        private final List<List<Object>> rows = new ArrayList<>();

        Sheet(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public synchronized void setRows(List<List<Object>> newRows) {
            rows.clear();
            newRows.forEach(r -> rows.add(new ArrayList<>(r)));
        }

        public synchronized List<List<Object>> rows() {
            List<List<Object>> copy = new ArrayList<>();
            rows.forEach(r -> copy.add(new ArrayList<>(r)));
            return copy;
        }

        public synchronized void appendRow(List<Object> row) {
            rows.add(new ArrayList<>(row));
        }

        /** Inserts before the given row number (1-based), as "insert row above" does. */
        public synchronized void insertRow(int rowNumber, List<Object> row) {
            rows.add(rowNumber - 1, new ArrayList<>(row));
        }

        public synchronized void deleteRow(int rowNumber) {
            rows.remove(rowNumber - 1);
        }

        /** Sorts the rows below the header row (row 1), as "sort range" does with a header row. */
        public synchronized void sortRows(java.util.Comparator<List<Object>> order) {
            List<List<Object>> body = new ArrayList<>(rows.subList(1, rows.size()));
            body.sort(order);
            for (int i = 0; i < body.size(); i++) {
                rows.set(i + 1, body.get(i));
            }
        }

        /** Sorts the rows below the header by the text of one column, Z to A when descending. */
        public void sortBy(String header, boolean descending) {
            int column;
            synchronized (this) {
                column = rows.get(0).indexOf(header);
            }
            java.util.Comparator<List<Object>> order = java.util.Comparator.comparing(
                    (List<Object> r) -> column < r.size() && r.get(column) != null ? String.valueOf(r.get(column)) : "");
            sortRows(descending ? order.reversed() : order);
        }

        /** A cell by row number and column header (header in row 1). */
        public synchronized Object cell(int rowNumber, String header) {
            int column = rows.get(0).indexOf(header);
            List<Object> row = rows.get(rowNumber - 1);
            return column < 0 || column >= row.size() ? null : row.get(column);
        }

        /** The row number of the first row whose cell under the header equals the value. */
        public synchronized int rowOf(String header, Object value) {
            int column = rows.get(0).indexOf(header);
            for (int i = 1; i < rows.size(); i++) {
                List<Object> row = rows.get(i);
                if (column < row.size() && value.equals(row.get(column))) {
                    return i + 1;
                }
            }
            return -1;
        }

        synchronized void set(int rowNumber, int column, Object value) {
            while (rows.size() < rowNumber) {
                rows.add(new ArrayList<>());
            }
            List<Object> row = rows.get(rowNumber - 1);
            while (row.size() <= column) {
                row.add(null);
            }
            row.set(column, value);
        }
    }
}
