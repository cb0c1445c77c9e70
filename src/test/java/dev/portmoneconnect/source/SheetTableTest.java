package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import com.google.api.services.sheets.v4.model.ValueRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetTableTest {

    static final SheetTable.Layout KEYED = new SheetTable.Layout("Order ID", Set.of("Date"),
            Set.of("Invoice link", "Status", "Sent at"));

    @Test
    void theHeaderNamesTheFieldsAndBlankRowsAreSkippedWhereverTheyAre() {
        SheetTable table = SheetTable.of(read("Orders!A1:Z1000",
                List.of("Order ID", "Date", "Name", "Amount"),
                List.of("A-1", new BigDecimal("45688"), "Anna", new BigDecimal("100")),
                List.of(),
                Arrays.asList("", "  ", ""),
                List.of("A-2", new BigDecimal("45688.5"), " Bohdan ", new BigDecimal("99.90"))), KEYED);

        assertThat(table.rows()).extracting(SheetTable.SheetRow::number).containsExactly(2, 5);
        assertThat(table.blankRows()).isEqualTo(2);
        SheetTable.SheetRow first = table.rows().get(0);
        assertThat(first.key()).isEqualTo("A-1");
        assertThat(first.record().sourceId()).isEqualTo("sheet:2");
        assertThat(first.record().key()).isEqualTo("A-1");
        assertThat(first.record().fields()).containsEntry("Date", "2025-01-31").containsEntry("Name", "Anna")
                .containsEntry("Amount", 100L);
        assertThat(table.rows().get(1).record().fields()).containsEntry("Date", "2025-01-31T12:00")
                .containsEntry("Name", "Bohdan").containsEntry("Amount", new BigDecimal("99.9"));
    }

    @Test
    void writeBackColumnsAreNotPartOfARecordSoWritingAnOutcomeDoesNotChangeIt() {
        List<Object> header = List.of("Order ID", "Name", "Status");
        SheetTable before = SheetTable.of(read("Orders!A1:Z1000", header, List.of("A-1", "Anna")), KEYED);
        SheetTable after = SheetTable.of(read("Orders!A1:Z1000", header, List.of("A-1", "Anna", "Sent")), KEYED);
        assertThat(after.rows().get(0).record().fields()).doesNotContainKey("Status");
        assertThat(after.rows().get(0).record().contentHash()).isEqualTo(before.rows().get(0).record().contentHash());

        SheetTable onlyStatus = SheetTable.of(read("Orders!A1:Z1000", header, Arrays.asList("", "", "Sent")), KEYED);
        assertThat(onlyStatus.rows()).isEmpty();
        assertThat(onlyStatus.blankRows()).isEqualTo(1);
    }

    @Test
    void withoutAKeyColumnARowIsIdentifiedByItsContentWhateverItsPositionOrEmptyCells() {
        SheetTable.Layout byContent = new SheetTable.Layout(null, Set.of(), Set.of());
        SheetTable one = SheetTable.of(read("Sheet1!A1:Z1000", List.of("Name", "Amount", "Note"),
                List.of("Anna", new BigDecimal("100"))), byContent);
        SheetTable other = SheetTable.of(read("Sheet1!A1:Z1000", List.of("Amount", "Name", "Note", "Added later"),
                List.of(),
                Arrays.asList(new BigDecimal("100.00"), "Anna", "", "")), byContent);
        assertThat(one.rows().get(0).key()).startsWith("sha256:").isEqualTo(other.rows().get(0).key());
        assertThat(other.rows().get(0).number()).isEqualTo(3);
    }

    @Test
    void aRangeThatStartsElsewhereCountsRowsAndColumnsFromItsStart() {
        SheetTable table = SheetTable.of(read("'Web orders'!B2:H1000",
                List.of(),
                List.of("Name", "Amount", "Status"),
                List.of("Anna", new BigDecimal("10"))), new SheetTable.Layout(null, Set.of(), Set.of("Status")));
        assertThat(table.sheet()).isEqualTo("'Web orders'");
        assertThat(table.columns()).containsEntry("Name", 1).containsEntry("Status", 3);
        assertThat(table.rows().get(0).number()).isEqualTo(4);
    }

    @Test
    void rowsWithoutAKeyWaitAndNumericKeysReadAsWritten() {
        SheetTable table = SheetTable.of(read("Orders!A1:Z1000",
                List.of("Order ID", "Name"),
                Arrays.asList("", "Typing a new order"),
                List.of(new BigDecimal("1001"), "Numeric id")), KEYED);
        assertThat(table.rowsWithoutKey()).containsExactly(2);
        assertThat(table.rows()).extracting(SheetTable.SheetRow::key).containsExactly("1001");
    }

    @Test
    void aMissingKeyColumnOrATwiceNamedColumnIsAClearError() {
        assertThatThrownBy(() -> SheetTable.of(read("Orders!A1:Z1000", List.of("Id", "Name"), List.of("1", "A")),
                KEYED)).isInstanceOf(SheetSourceException.class)
                .hasMessageContaining("Key column 'Order ID' is not in the header row 1").hasMessageContaining("[Id, Name]");
        assertThatThrownBy(() -> SheetTable.of(read("Orders!A1:Z1000", List.of("Order ID", "Email", "Email")),
                KEYED)).isInstanceOf(SheetSourceException.class)
                .hasMessageContaining("Column 'Email' appears twice in the header row 1 (B and C)");
    }

    @Test
    void aNumberAndItsTextAndSpacesAroundTextAreTheSameKey() {
        SheetTable table = SheetTable.of(read("Orders!A1:Z1000",
                List.of("Order ID", "Name"),
                List.of(new BigDecimal("16016"), "Anna"),
                List.of("16016", "Anna"),
                List.of(" 16016\u00A0", "Anna"),
                List.of(new BigDecimal("16016.0"), "Anna"),
                List.of(new BigDecimal("16016.5"), "Anna"),
                List.of("16016.50", "Anna"),
                List.of("007", "Anna"),
                List.of(new BigDecimal("7"), "Anna"),
                List.of("\u00A0 ", "Only spaces in the key cell")), KEYED);
        assertThat(table.rows()).extracting(SheetTable.SheetRow::key)
                .containsExactly("16016", "16016", "16016", "16016", "16016.5", "16016.5", "007", "7");
        assertThat(table.rowsWithoutKey()).containsExactly(10);
        assertThat(table.rows().get(2).record().fields()).containsEntry("Order ID", "16016");
    }

    @Test
    void withoutAKeyColumnANumberAndItsTextAndASerialDateAndItsTextAreTheSameContent() {
        SheetTable.Layout byContent = new SheetTable.Layout(null, Set.of("Date"), Set.of());
        SheetTable table = SheetTable.of(read("Orders!A1:Z1000",
                List.of("Order ID", "Date", "Name", "Amount"),
                List.of(new BigDecimal("16016"), new BigDecimal("45688"), "Anna", new BigDecimal("100")),
                List.of("16016", "2025-01-31", " Anna ", "100"),
                List.of(" 16016 ", "31.01.2025", "Anna\u00A0", "100.00"),
                List.of(new BigDecimal("16016"), new BigDecimal("45688.5"), "Anna", new BigDecimal("100")),
                List.of("16016", "31.01.2025 12:00", "Anna", new BigDecimal("100")),
                List.of("16016", "2025-01-31", "Anna", "100,00")), byContent);
        List<String> keys = table.rows().stream().map(SheetTable.SheetRow::key).toList();
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(keys.get(2)).isEqualTo(keys.get(0));
        assertThat(keys.get(4)).isEqualTo(keys.get(3)).isNotEqualTo(keys.get(0));
        assertThat(keys.get(5)).as("'100,00' is not the text of a number").isNotEqualTo(keys.get(0));
        assertThat(table.rows().get(2).record().fields()).containsEntry("Date", "2025-01-31")
                .containsEntry("Name", "Anna").containsEntry("Amount", "100.00");
    }

    @Test
    void aFirstRowThatNamesNoFieldOfTheMappingIsNoHeader() {
        SheetTable.Layout mapped = new SheetTable.Layout(null, Set.of(), Set.of(), null,
                new LinkedHashSet<>(List.of("Name", "Email", "Amount")));
        assertThatThrownBy(() -> SheetTable.of(read("Orders!A2:Z1000",
                List.of("SO-1", "Anna", "anna@example.com", new BigDecimal("100")),
                List.of("SO-2", "Bohdan", "bohdan@example.com", new BigDecimal("200"))), mapped))
                .isInstanceOf(SheetSourceException.class)
                .hasMessageContaining("Row 2 of Orders!A2:Z1000 does not look like a header row")
                .hasMessageContaining("(Name, Email, Amount)")
                .hasMessageContaining("[SO-1, Anna, anna@example.com, 100]");

        SheetTable.Layout keyed = new SheetTable.Layout("Order ID", Set.of(), Set.of(), null, Set.of("Name"));
        assertThatThrownBy(() -> SheetTable.of(read("Orders!A2:Z1000", List.of("SO-1", "Anna")), keyed))
                .isInstanceOf(SheetSourceException.class).hasMessageContaining("(Order ID, Name)");

        SheetTable header = SheetTable.of(read("Orders!A1:Z1000", List.of("Id", "Name", "E-mail"),
                List.of("1", "Anna")), mapped);
        assertThat(header.rows()).hasSize(1);
    }

    @Test
    void aRowKeepsWhatItsLinkCellShows() {
        SheetTable.Layout layout = new SheetTable.Layout("Order ID", Set.of(), Set.of("Invoice link", "Status"),
                "Invoice link", Set.of());
        SheetTable table = SheetTable.of(read("Orders!A1:Z1000", List.of("Order ID", "Name", "Invoice link", "Status"),
                List.of("A-1", "Anna", "https://pay/1", "Sent"),
                List.of("A-2", "Bohdan")), layout);
        assertThat(table.rows()).extracting(SheetTable.SheetRow::link).containsExactly("https://pay/1", null);
        assertThat(table.rows().get(0).record().fields()).doesNotContainKeys("Invoice link", "Status");
    }

    @Test
    void anEmptySheetHasNoRows() {
        assertThat(SheetTable.of(new ValueRange().setRange("Orders!A1:Z1000"), KEYED).rows()).isEmpty();
    }

    @SafeVarargs
    static ValueRange read(String range, List<Object>... rows) {
        return new ValueRange().setRange(range).setMajorDimension("ROWS").setValues(List.of(rows));
    }
}
