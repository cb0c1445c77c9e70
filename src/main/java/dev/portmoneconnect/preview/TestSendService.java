package dev.portmoneconnect.preview;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.connection.RunRequest;
import dev.portmoneconnect.connection.RunService;
import dev.portmoneconnect.connection.TestRecipients;
import dev.portmoneconnect.source.SourceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one real invoice through a connection's route, from a sample record or the first record its
 * next run would take; the latter only to the tester's own address or phone, since its payer is a
 * real customer. The record is keyed {@code test:<suffix>} and its order number is marked as a
 * test, so it never meets the real record's ledger row or Portmone order; the source record stays
 * pending; the run is kept in the history as a test, and starts no connection that runs after this one.
 */
@ApplicationScoped
public class TestSendService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PreviewService preview;

    @Inject
    RunService runs;

    @Inject
    Clock clock;

    /**
     * @param recipients where to deliver instead of the record's payer; null delivers to the sample's own
     *                   addresses, and is refused for a record taken from the source
     * @param sample     the record to send, or null for the first pending one
     * @throws MissingTestRecipientException when the record is taken from the source and no recipient is given
     */
    public RunService.StartedRun send(String connectionId, TestRecipients recipients, Map<String, Object> sample) {
        boolean fromSource = sample == null || sample.isEmpty();
        if (fromSource && (recipients == null || recipients.email() == null && recipients.phone() == null)) {
            throw new MissingTestRecipientException("A test send of the connection's next pending record goes to"
                    + " the tester, never to the payer in it: give email or phone to send it to (or send a sample"
                    + " record)");
        }
        SourceRecord record = preview.recordToTest(connectionId, sample);
        String suffix = suffix();
        return runs.start(connectionId, RunRequest.testSend(), exchange -> {
            exchange.getMessage().setHeader(ConnectHeaders.TEST_SUFFIX, suffix);
            if (recipients != null) {
                exchange.getMessage().setHeader(ConnectHeaders.TEST_RECIPIENTS, recipients);
            }
            exchange.getMessage().setBody(List.of(record));
        });
    }

    /** New for every test send: the clock in base 36 and four random characters. */
    private String suffix() {
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            random.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return Long.toString(clock.millis(), 36).toLowerCase(Locale.ROOT) + random;
    }
}
