package dev.portmoneconnect.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generates records that are each wrong in exactly one field, so a test can check that every one
 * fails naming that field: missing fields, wrong types, huge strings, control characters, RTL and
 * emoji, HTML and script, and amounts people get wrong.
 */
final class BadInputCorpus {

    /** A generated record and the field it must be refused for. */
    record Bad(Map<String, Object> record, String field) {
    }

    private record Mutation(String field, Consumer<Map<String, Object>> apply) {
    }

    private static final List<Mutation> MUTATIONS = new ArrayList<>();

    static {
        for (Object amount : new Object[]{"abc", "1e9", "-0", ",5", "1.234,56", "0", "-10", "1.001", "١٢٣",
                "💰100", "<b>5</b>", "", "   ", true, List.of(1), Map.of("v", 1), 1e9, 0.001, -3, "5\u0000",
                "\u202E100", "NaN", "Infinity", "0x10", "1 000 000 000", "12.5.1"}) {
            MUTATIONS.add(new Mutation("amount", r -> r.put("amount", amount)));
        }
        MUTATIONS.add(new Mutation("amount", r -> r.remove("amount")));
        for (Object email : new Object[]{"", "ivan", "ivan@", "@example.com", "<script>alert(1)</script>@x.com",
                "a@b", "іван@пошта.укр", "ivan@example.com\u0000", "\u202Eivan@example.com", "😀@example.com",
                "x".repeat(300) + "@example.com", 12345, List.of("a@b.com"), "ivan@@example.com",
                "ivan @example.com", "<a href='x'>ivan@example.com</a>", "ivan@exa mple.com"}) {
            MUTATIONS.add(new Mutation("payerEmail", r -> r.put("email", email)));
        }
        MUTATIONS.add(new Mutation("payerEmail", r -> r.remove("email")));
        for (Object name : new Object[]{"", "   ", "Iv\u0000an", "Ivan\u0007", "x".repeat(5000),
                "Петро\u001Bпетро", "\n\t"}) {
            MUTATIONS.add(new Mutation("payerName", r -> r.put("name", name)));
        }
        MUTATIONS.add(new Mutation("payerName", r -> r.remove("name")));
        for (Object phone : new Object[]{"12345", "+1 202 555 0100", "phone", "😀", "050-123-45-678",
                "<script>", "+380 50 123 45 6", "380 (50) abc 45 67"}) {
            MUTATIONS.add(new Mutation("payerPhone", r -> r.put("phone", phone)));
        }
        for (Object lang : new Object[]{"de", "😀", "<script>", "ukrainian", 7}) {
            MUTATIONS.add(new Mutation("language", r -> r.put("lang", lang)));
        }
        for (Object what : new Object[]{"d".repeat(251), "line\u0001break", "🙂".repeat(200)}) {
            MUTATIONS.add(new Mutation("description", r -> r.put("what", what)));
        }
    }

    private BadInputCorpus() {
    }

    /** Good values, including RTL and emoji in names, which are not errors. */
    static Map<String, Object> good(String id, int i) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("name", switch (i % 4) {
            case 0 -> "Іван Петренко";
            case 1 -> "مريم العلي";
            case 2 -> "Olena 🌻 Koval";
            default -> "<b>Taras</b> & Co";
        });
        record.put("email", "payer" + i + "@example.com");
        record.put("phone", "+380 50 123 45 " + String.format("%02d", i % 100));
        record.put("amount", (i % 3 == 0) ? "1 250,50" : String.valueOf(10 + i % 500));
        record.put("what", "Order " + id);
        record.put("lang", i % 2 == 0 ? "uk" : "en");
        return record;
    }

    static List<Bad> bad(int count, long seed) {
        Random random = new Random(seed);
        List<Bad> corpus = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Mutation mutation = MUTATIONS.get(i < MUTATIONS.size() ? i : random.nextInt(MUTATIONS.size()));
            Map<String, Object> record = good("BAD-" + i, i);
            mutation.apply().accept(record);
            corpus.add(new Bad(record, mutation.field()));
        }
        return corpus;
    }
}
