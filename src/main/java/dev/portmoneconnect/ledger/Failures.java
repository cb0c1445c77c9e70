package dev.portmoneconnect.ledger;

import dev.portmoneconnect.delivery.DeliveryException;
import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;
import dev.portmoneconnect.mapping.InvalidRecordException;
import dev.portmoneconnect.portmone.PortmoneException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Tells failures worth retrying (the other side may recover) from those that will fail again. */
public final class Failures {

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRecordException) {
                return false;
            }
            if (t instanceof PortmoneException portmone) {
                return portmone.isTransient();
            }
            if (t instanceof TransientDeliveryException) {
                return true;
            }
            if (t instanceof PermanentDeliveryException) {
                return false;
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rules an invalid record broke ({@code NOT_AN_AMOUNT}, several joined by commas), Portmone's
     * code, a delivery code, or the failure's type: the key of its reason in
     * {@code messages/reasons*.properties}.
     */
    public static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidRecordException invalid) {
                return invalid.code();
            }
            if (t instanceof PortmoneException portmone) {
                return portmone.errorCode();
            }
            if (t instanceof DeliveryException delivery) {
                return delivery.code();
            }
        }
        return failure.getClass().getSimpleName();
    }

    public static String message(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return message.length() > 3900 ? message.substring(0, 3900) + "…" : message;
    }
}
