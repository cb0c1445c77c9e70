package dev.portmoneconnect.source.files;

import dev.portmoneconnect.source.SerialDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a dropped file's rows, CSV through Camel's CSV data format and .xlsx through fastexcel-reader,
 * and writes its result file through the same CSV data format. Row numbers are the ones a
 * spreadsheet program shows, blank lines included.
 */
@ApplicationScoped
public class OrderFiles {

    /** Days between the 1900 and the 1904 date systems of spreadsheet files. */
    private static final int DAYS_1904 = 1462;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Inject
    CamelContext camel;

    public static boolean isXlsx(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    public OrderFile read(String name, byte[] content, FileLayout layout) {
        return isXlsx(name) ? xlsx(name, content, layout) : csv(name, content, layout);
    }

    private OrderFile csv(String name, byte[] content, FileLayout layout) {
        String text = new String(content, layout.charset());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = layout.delimiter() != null ? layout.delimiter() : guessDelimiter(text);
        List<List<String>> lines;
        try {
            lines = unmarshal(delimiter, text);
        } catch (Exception e) {
            throw new UnreadableFileException(name + " is not a valid CSV file: " + e.getMessage(), e);
        }
        List<FileRows.Cells> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new FileRows.Cells(i + 1, new ArrayList<>(lines.get(i))));
        }
        return FileRows.of(name, delimiter, rows, layout);
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> unmarshal(char delimiter, String text) throws Exception {
        CsvDataFormat csv = csvFormat(delimiter);
        try {
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
            return (List<List<String>>) csv.unmarshal(exchange,
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } finally {
            ServiceHelper.stopService(csv);
        }
    }

    /** Camel's CSV data format for a delimiter: blank lines kept (they count as rows), no header handling. */
    CsvDataFormat csvFormat(char delimiter) {
        CsvDataFormat csv = new CsvDataFormat();
        csv.setDelimiter(delimiter);
        csv.setIgnoreEmptyLines(false);
        csv.setLazyLoad(false);
        csv.setUseMaps(false);
        ServiceHelper.startService(csv);
        return csv;
    }

    /** A result file's bytes: UTF-8 with a byte order mark, so that spreadsheet programs show Cyrillic right. */
    byte[] resultCsv(List<List<String>> rows, char delimiter) {
        CsvDataFormat csv = csvFormat(delimiter);
        try {
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(BOM);
            csv.marshal(exchange, rows, out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a result file: " + e.getMessage(), e);
        } finally {
            ServiceHelper.stopService(csv);
        }
    }

    /** The delimiter the header line uses most: comma, semicolon (spreadsheets of many locales) or tab. */
    static char guessDelimiter(String text) {
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char best = ',';
        long most = 0;
        for (char candidate : new char[]{',', ';', '\t'}) {
            long count = firstLine.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    private OrderFile xlsx(String name, byte[] content, FileLayout layout) {
        if (!ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(content, Math.min(content.length, 8)))) {
            throw new UnreadableFileException(name + " is not an .xlsx workbook"
                    + (ReadableWorkbook.isOLE2Header(Arrays.copyOf(content, Math.min(content.length, 8)))
                    ? " (it is an old .xls one: save it as .xlsx or .csv)" : ""));
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = layout.sheet() == null ? workbook.getFirstSheet()
                    : workbook.findSheet(layout.sheet()).orElseThrow(() -> new UnreadableFileException(
                    name + " has no sheet '" + layout.sheet() + "'"));
            int dateOffset = workbook.isDate1904() ? DAYS_1904 : 0;
            List<FileRows.Cells> rows = new ArrayList<>();
            List<Integer> dateColumnIndexes = new ArrayList<>();
            boolean headerSeen = false;
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        values.add(value(row.getCell(i), dateColumnIndexes.contains(i), dateOffset));
                    }
                    FileRows.Cells cells = new FileRows.Cells(row.getRowNum(), values);
                    if (!headerSeen && !cells.blank()) {
                        headerSeen = true;
                        for (int i = 0; i < values.size(); i++) {
                            if (values.get(i) != null && layout.dateColumns().contains(values.get(i).toString().strip())) {
                                dateColumnIndexes.add(i);
                            }
                        }
                    }
                    rows.add(cells);
                }
            }
            char delimiter = layout.delimiter() != null ? layout.delimiter() : ',';
            return FileRows.of(name, delimiter, rows, layout);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableFileException(name + " cannot be read as an .xlsx workbook: " + e.getMessage(), e);
        }
    }

    /** A cell's value: numbers as numbers (whole ones as Long), dates of date columns as ISO text. */
    private static Object value(Cell cell, boolean dateColumn, int dateOffset) {
        if (cell == null) {
            return null;
        }
        switch (cell.getType()) {
            case EMPTY:
                return null;
            case NUMBER:
                return number(cell.asNumber(), dateColumn, dateOffset);
            case BOOLEAN:
                return cell.asBoolean();
            case FORMULA:
                String raw = cell.getRawValue();
                if (raw == null) {
                    return null;
                }
                try {
                    return number(new BigDecimal(raw), dateColumn, dateOffset);
                } catch (NumberFormatException text) {
                    return raw;
                }
            default:
                return cell.getText();
        }
    }

    private static Object number(BigDecimal number, boolean dateColumn, int dateOffset) {
        if (dateColumn) {
            return SerialDates.toIso(number.add(BigDecimal.valueOf(dateOffset)));
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() <= 0 && plain.precision() - plain.scale() <= 18) {
            return plain.longValueExact();
        }
        return number;
    }
}
