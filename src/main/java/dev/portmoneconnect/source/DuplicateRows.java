package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.LedgerRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of one read that share an identity: two rows with one Order ID (a typo, or a new order that
 * reuses the id of one delivered before), or, without a key column, two identical rows. One row owns
 * the identity; every other one becomes a record of its own that fails, naming the key column and
 * the owner's row ("DUP-1 is also row 6"). Such a record is keyed by the identity and its own
 * content ({@code DUP-1#dup-<digest>}), so it never meets the owner's ledger row, is reported once,
 * and is reported again only when its content changes.
 *
 * <p>Which row owns the identity must not depend on where rows are, since sorting moves them. The
 * owner is the row whose content the ledger holds for the identity; else, among the rows not already
 * reported as duplicates, the row whose link cell shows the link the ledger holds, else the first.
 */
final class DuplicateRows {

    static final String DUPLICATE_MARK = "#dup-";
    private static final int LONGEST_KEY = 500;

    /** What the connection already knows about keys. */
    interface Known {
        /** The ledger rows of those keys that have one. */
        Map<String, LedgerRecord> ledger(Collection<String> keys);

        /** Whether the key is among the connection's settled keys (first-run baseline, delivered). */
        boolean settled(String key);
    }

    /** Knows nothing: the first run's baseline, before the connection has any history. */
    static final Known NOTHING = new Known() {
        @Override
        public Map<String, LedgerRecord> ledger(Collection<String> keys) {
            return Map.of();
        }

        @Override
        public boolean settled(String key) {
            return false;
        }
    };

    private DuplicateRows() {
    }

    /**
     * The table's rows, each under the identity it has in this read: a shared identity stays with its
     * owner, every other row holding it is under a duplicate key and rejected. Rows keep their order.
     *
     * @param keyColumn the header of the key column, or null when rows are identified by content
     */
    static List<SheetTable.SheetRow> resolve(List<SheetTable.SheetRow> rows, String keyColumn, Known known) {
        Set<String> seen = new HashSet<>(rows.size() * 2);
        Set<String> shared = new LinkedHashSet<>();
        for (SheetTable.SheetRow row : rows) {
            if (!seen.add(row.key())) {
                shared.add(row.key());
            }
        }
        if (shared.isEmpty()) {
            return rows;
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (shared.contains(rows.get(i).key())) {
                groups.computeIfAbsent(rows.get(i).key(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, String> hashes = new HashMap<>();
        List<String> lookups = new ArrayList<>(shared);
        groups.values().forEach(group -> group.forEach(i -> {
            String hash = rows.get(i).record().contentHash();
            hashes.put(i, hash);
            lookups.add(duplicateKey(rows.get(i).key(), hash, 1));
        }));
        Map<String, LedgerRecord> ledger = known.ledger(lookups);

        List<SheetTable.SheetRow> resolved = new ArrayList<>(rows);
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            String key = group.getKey();
            int owner = owner(rows, group.getValue(), hashes, ledger.get(key), k -> ledger.containsKey(k)
                    || known.settled(k));
            Map<String, Integer> ordinals = new HashMap<>();
            for (int i : group.getValue()) {
                if (i == owner) {
                    continue;
                }
                SheetTable.SheetRow row = rows.get(i);
                String hash = hashes.get(i);
                int ordinal = ordinals.merge(hash, 1, Integer::sum);
                String duplicateKey = duplicateKey(key, hash, ordinal);
                SourceRecord.Rejection why = keyColumn == null
                        ? new SourceRecord.Rejection("row", "SAME_ROW", Map.of("row", rows.get(owner).number()))
                        : new SourceRecord.Rejection(keyColumn, "KEY_ALSO_IN_ROW",
                                Map.of("key", key, "row", rows.get(owner).number()));
                resolved.set(i, new SheetTable.SheetRow(row.number(), duplicateKey,
                        new SourceRecord(row.record().sourceId(), row.record().fields(), duplicateKey, why), row.link()));
            }
        }
        return resolved;
    }

    private static int owner(List<SheetTable.SheetRow> rows, List<Integer> group, Map<Integer, String> hashes,
                             LedgerRecord ledger, java.util.function.Predicate<String> known) {
        if (ledger != null) {
            for (int i : group) {
                if (hashes.get(i).equals(ledger.contentHash())) {
                    return i;
                }
            }
        }
        List<Integer> candidates = group.stream()
                .filter(i -> !known.test(duplicateKey(rows.get(i).key(), hashes.get(i), 1))).toList();
        if (candidates.isEmpty()) {
            candidates = group;
        }
        if (ledger != null && ledger.paymentLink() != null) {
            for (int i : candidates) {
                if (ledger.paymentLink().equals(rows.get(i).link())) {
                    return i;
                }
            }
        }
        return candidates.get(0);
    }

    /** The key of a row that repeats {@code key}: the key, then a digest of the row's content. */
    static String duplicateKey(String key, String contentHash, int ordinal) {
        String derived = key + DUPLICATE_MARK + contentHash.substring(0, 12) + (ordinal > 1 ? "-" + ordinal : "");
        return derived.length() <= LONGEST_KEY ? derived : "sha256:" + sha256(derived);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
