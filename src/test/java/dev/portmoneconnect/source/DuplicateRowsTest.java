package dev.portmoneconnect.source;

import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.RecordStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateRowsTest {

    static final SheetTable.Layout KEYED = new SheetTable.Layout("Order ID", Set.of(),
            Set.of("Invoice link", "Status"), "Invoice link", Set.of());
    static final List<Object> HEADER = List.of("Order ID", "Name", "Amount", "Invoice link", "Status");

    @Test
    void rowsWithKeysOfTheirOwnAreLeftAsTheyAre() {
        SheetTable table = table(List.of("A-1", "Anna", 10), List.of("A-2", "Bohdan", 20));
        assertThat(DuplicateRows.resolve(table.rows(), "Order ID", new Ledger())).isSameAs(table.rows());
    }

    @Test
    void aKeyTwiceInOneReadStaysWithTheFirstRowAndTheOtherFailsUnderAKeyOfItsOwn() {
        SheetTable table = table(List.of("DUP-1", "Anna", 10), List.of("B-1", "Bohdan", 20),
                List.of("DUP-1", "Chrystia", 30));
        List<SheetTable.SheetRow> rows = DuplicateRows.resolve(table.rows(), "Order ID", new Ledger());

        assertThat(rows.get(0)).isSameAs(table.rows().get(0));
        assertThat(rows.get(1)).isSameAs(table.rows().get(1));
        SheetTable.SheetRow duplicate = rows.get(2);
        assertThat(duplicate.number()).isEqualTo(4);
        assertThat(duplicate.key()).startsWith("DUP-1#dup-").isEqualTo(duplicate.record().key());
        assertThat(duplicate.record().rejection())
                .isEqualTo(new SourceRecord.Rejection("Order ID", "KEY_ALSO_IN_ROW", Map.of("key", "DUP-1", "row", 2)));
        assertThat(duplicate.record().fields()).containsEntry("Name", "Chrystia");
    }

    @Test
    void afterASortTheRowTheLedgerKnowsKeepsTheKey() {
        SheetTable before = table(List.of("DUP-1", "Anna", 10), List.of("DUP-1", "Bohdan", 20));
        Ledger ledger = new Ledger();
        ledger.holds("DUP-1", before.rows().get(0).record().contentHash(), null);

        SheetTable sorted = table(List.of("DUP-1", "Bohdan", 20), List.of("DUP-1", "Anna", 10));
        List<SheetTable.SheetRow> rows = DuplicateRows.resolve(sorted.rows(), "Order ID", ledger);

        assertThat(rows.get(1).key()).isEqualTo("DUP-1");
        assertThat(rows.get(1).record().fields()).containsEntry("Name", "Anna");
        assertThat(rows.get(0).record().rejection().values()).isEqualTo(Map.of("key", "DUP-1", "row", 3));
        assertThat(rows.get(0).key()).isEqualTo(DuplicateRows.resolve(before.rows(), "Order ID", ledger).get(1).key());
    }

    @Test
    void aDeliveredRowEditedSinceIsKnownByTheLinkItShows() {
        Ledger ledger = new Ledger();
        ledger.holds("DUP-1", "content of the row before its edit", "https://pay/anna");
        SheetTable table = table(List.of("DUP-1", "Bohdan", 20),
                List.of("DUP-1", "Anna (edited)", 10, "https://pay/anna", "Sent"));
        List<SheetTable.SheetRow> rows = DuplicateRows.resolve(table.rows(), "Order ID", ledger);
        assertThat(rows.get(1).key()).isEqualTo("DUP-1");
        assertThat(rows.get(0).record().rejection().values()).isEqualTo(Map.of("key", "DUP-1", "row", 3));
    }

    @Test
    void aRowAlreadyReportedAsADuplicateNeverTakesTheKeyOver() {
        SheetTable first = table(List.of("DUP-1", "Anna", 10), List.of("DUP-1", "Bohdan", 20));
        String bohdan = DuplicateRows.resolve(first.rows(), "Order ID", new Ledger()).get(1).key();
        Ledger ledger = new Ledger();
        ledger.settled.add("DUP-1");
        ledger.settled.add(bohdan);

        SheetTable sorted = table(List.of("DUP-1", "Bohdan", 20), List.of("DUP-1", "Anna", 10));
        List<SheetTable.SheetRow> rows = DuplicateRows.resolve(sorted.rows(), "Order ID", ledger);
        assertThat(rows.get(0).key()).isEqualTo(bohdan);
        assertThat(rows.get(1).key()).isEqualTo("DUP-1");
    }

    @Test
    void withoutAKeyColumnIdenticalRowsAreOneOrderAndTheOthersFailEachUnderItsOwnKey() {
        SheetTable.Layout byContent = new SheetTable.Layout(null, Set.of(), Set.of());
        SheetTable table = SheetTable.of(SheetTableTest.read("Orders!A1:Z1000", List.of("Name", "Amount"),
                List.of("Anna", new BigDecimal("10")), List.of("Anna", "10"), List.of("Anna", new BigDecimal("10.0"))),
                byContent);
        List<SheetTable.SheetRow> rows = DuplicateRows.resolve(table.rows(), null, new Ledger());
        assertThat(rows.get(0).record().rejection()).isNull();
        assertThat(rows.get(1).record().rejection()).isEqualTo(new SourceRecord.Rejection("row",
                "SAME_ROW", Map.of("row", 2)));
        assertThat(rows).extracting(SheetTable.SheetRow::key).doesNotHaveDuplicates();
        assertThat(rows.get(2).key()).isEqualTo(rows.get(1).key() + "-2");
    }

    @Test
    void whateverOrderRowsComeInAndWhateverRowsAreAddedAKeyStaysWithTheRowThatHadIt() {
        Random random = new Random(15);
        for (int trial = 0; trial < 300; trial++) {
            List<List<Object>> rows = new ArrayList<>();
            int n = 2 + random.nextInt(7);
            for (int i = 0; i < n; i++) {
                rows.add(random.nextInt(5) == 0 && !rows.isEmpty() ? rows.get(random.nextInt(rows.size()))
                        : row(random));
            }
            Ledger ledger = new Ledger();
            Map<String, List<String>> before = identities(DuplicateRows.resolve(table(rows).rows(), "Order ID", ledger));
            for (SheetTable.SheetRow row : DuplicateRows.resolve(table(rows).rows(), "Order ID", ledger)) {
                if (row.record().rejection() == null) {
                    ledger.holds(row.key(), row.record().contentHash(), null);
                } else {
                    ledger.failed(row.key(), row.record().contentHash());
                }
            }

            List<List<Object>> later = new ArrayList<>(rows);
            Collections.shuffle(later, random);
            List<List<Object>> added = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                List<Object> row = row(random);
                added.add(row);
                later.add(random.nextInt(later.size() + 1), row);
            }
            List<SheetTable.SheetRow> resolved = DuplicateRows.resolve(table(later).rows(), "Order ID", ledger);

            Map<String, List<String>> after = identities(resolved);
            for (Map.Entry<String, List<String>> content : before.entrySet()) {
                assertThat(after.get(content.getKey())).as("trial %d: %s", trial, content.getKey())
                        .containsAll(content.getValue());
            }
            for (SheetTable.SheetRow row : resolved) {
                if (added.stream().anyMatch(a -> a.get(1).equals(row.record().fields().get("Name")))
                        && ledger.rows.containsKey(String.valueOf(row.record().fields().get("Order ID")))) {
                    assertThat(row.record().rejection()).as("trial %d: a new row reusing a key", trial).isNotNull();
                }
            }
            assertThat(resolved).extracting(SheetTable.SheetRow::key).doesNotHaveDuplicates();
        }
    }

    private static List<Object> row(Random random) {
        return List.of("K-" + random.nextInt(3), "Name " + random.nextInt(1_000_000), 1 + random.nextInt(9));
    }

    /** The identities of the rows, by what the rows hold. */
    private static Map<String, List<String>> identities(List<SheetTable.SheetRow> rows) {
        Map<String, List<String>> byContent = new HashMap<>();
        for (SheetTable.SheetRow row : rows) {
            byContent.computeIfAbsent(row.record().fields().toString(), k -> new ArrayList<>()).add(row.key());
        }
        return byContent;
    }

    static SheetTable table(List<List<Object>> rows) {
        return table(rows.toArray(new List<?>[0]));
    }

    static SheetTable table(List<?>... rows) {
        List<Object>[] all = new List[rows.length + 1];
        all[0] = HEADER;
        for (int i = 0; i < rows.length; i++) {
            all[i + 1] = List.copyOf(rows[i]);
        }
        return SheetTable.of(SheetTableTest.read("Orders!A1:Z1000", all), KEYED);
    }

    /** What a connection knows: ledger rows by key and settled keys. */
    static final class Ledger implements DuplicateRows.Known {
        final Map<String, LedgerRecord> rows = new HashMap<>();
        final Set<String> settled = new HashSet<>();

        void holds(String key, String contentHash, String link) {
            Instant now = Instant.parse("2025-01-31T10:00:00Z");
            rows.put(key, new LedgerRecord(1, "c", key, contentHash, "sheet:2", RecordStatus.DELIVERED, 1, "c_" + key,
                    link, null, null, "email", null, null, "email", null, null, null, null, 1, false, "run", now, now,
                    now, now));
            settled.add(key);
        }

        void failed(String key, String contentHash) {
            Instant now = Instant.parse("2025-01-31T10:00:00Z");
            rows.put(key, new LedgerRecord(2, "c", key, contentHash, "sheet:3", RecordStatus.FAILED, 1, "c_" + key,
                    null, null, null, "email", null, null, null, "mapping", "Order ID", null, "is also a row", 1,
                    false, "run", now, now, null, null));
        }

        @Override
        public Map<String, LedgerRecord> ledger(Collection<String> keys) {
            Map<String, LedgerRecord> found = new HashMap<>();
            keys.forEach(k -> {
                if (rows.containsKey(k)) {
                    found.put(k, rows.get(k));
                }
            });
            return found;
        }

        @Override
        public boolean settled(String key) {
            return settled.contains(key);
        }
    }
}
