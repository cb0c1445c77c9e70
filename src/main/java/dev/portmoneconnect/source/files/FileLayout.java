package dev.portmoneconnect.source.files;

import java.nio.charset.Charset;
import java.util.Set;

/**
 * How the rows of a connection's files are read.
 *
 * @param keyColumn   header of the column that identifies an order, or null (identity by content)
 * @param dateColumns headers of .xlsx columns whose numbers are dates
 * @param delimiter   CSV delimiter, or null to tell it from the header line
 * @param sheet       the .xlsx sheet to read, or null for the first
 */
public record FileLayout(String keyColumn, Set<String> dateColumns, Character delimiter, Charset charset,
                         String sheet) {
}
