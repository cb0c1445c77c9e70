package dev.portmoneconnect.source;

import dev.portmoneconnect.payments.PaymentChanged;
import dev.portmoneconnect.payments.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;

/**
 * Queues a sheet row for write-back when its invoice is paid (or a payment is refunded), so that the
 * next run of its connection fills the row's "Paid at" cell, found by its key like every outcome.
 */
@ApplicationScoped
public class SheetPaidAt {

    @Inject
    CamelContext camel;

    @Inject
    SheetWriteBackQueue queue;

    void onPayment(@Observes PaymentChanged event) {
        boolean paidChanged = event.to() == PaymentStatus.PAID || event.from() == PaymentStatus.PAID;
        if (!paidChanged || event.sourceId() == null || !event.sourceId().startsWith(SheetTable.SOURCE_PREFIX)) {
            return;
        }
        boolean writesPaidAt = camel.getEndpoints().stream()
                .filter(SheetEndpoint.class::isInstance).map(SheetEndpoint.class::cast)
                .anyMatch(sheet -> event.connectionId().equals(sheet.getConnectionId()) && sheet.isWriteBack()
                        && sheet.getPaidAtColumn() != null && !sheet.getPaidAtColumn().isBlank());
        if (writesPaidAt) {
            queue.add(event.connectionId(), event.recordKey());
        }
    }
}
