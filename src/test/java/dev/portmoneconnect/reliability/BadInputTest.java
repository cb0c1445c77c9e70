package dev.portmoneconnect.reliability;

import dev.portmoneconnect.ledger.LedgerRecord;
import dev.portmoneconnect.ledger.LedgerRepository;
import dev.portmoneconnect.ledger.RecordStatus;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand records, each wrong in one field, posted with good ones through the webhook: every
 * bad record fails naming its field, the run itself never fails, and the good ones are invoiced.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(40)
class BadInputTest {

    static final int BAD = 10_000;
    static final int GOOD = 100;

    @Inject
    LedgerRepository ledger;

    @Test
    void everyBadRecordFailsNamingItsFieldAndTheGoodOnesAreInvoiced() throws InterruptedException {
        List<BadInputCorpus.Bad> corpus = BadInputCorpus.bad(BAD, 20261128L);
        List<Map<String, Object>> records = new ArrayList<>();
        Map<String, String> expectedField = new HashMap<>();
        for (BadInputCorpus.Bad bad : corpus) {
            records.add(bad.record());
            expectedField.put((String) bad.record().get("id"), bad.field());
        }
        for (int i = 0; i < GOOD; i++) {
            records.add(i * (BAD / GOOD), BadInputCorpus.good("GOOD-" + i, i));
        }
        for (int from = 0; from < records.size(); from += 400) {
            Api.post("corpus-orders", records.subList(from, Math.min(records.size(), from + 400)));
        }

        long started = System.nanoTime();
        JsonPath run = Api.runAndPoll("corpus-orders");
        System.out.printf("Bad-input corpus: %d records in %d ms: %d delivered, %d failed%n", records.size(),
                (System.nanoTime() - started) / 1_000_000, run.getInt("counts.delivered"), run.getInt("counts.failed"));

        assertThat(run.getString("status")).isEqualTo("PARTIAL");
        assertThat(run.getString("error")).isNull();
        assertThat(run.getInt("counts.delivered")).isEqualTo(GOOD);
        assertThat(run.getInt("counts.failed")).isEqualTo(BAD);

        List<LedgerRecord> failed = ledger.findByStatus("corpus-orders", EnumSet.of(RecordStatus.FAILED), BAD + 1);
        assertThat(failed).hasSize(BAD);
        for (LedgerRecord row : failed) {
            assertThat(row.errorField()).as("field named for %s (%s)", row.recordKey(), row.errorMessage())
                    .isEqualTo(expectedField.get(row.recordKey()));
            assertThat(row.errorStep()).isEqualTo("mapping");
            assertThat(row.errorMessage()).startsWith(row.errorField() + ":").hasSizeLessThan(4000);
        }
        assertThat(ledger.findByStatus("corpus-orders", EnumSet.of(RecordStatus.DELIVERED), GOOD + 1)).hasSize(GOOD);
    }
}
