package dev.portmoneconnect.portmone;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One item of Portmone's {@code result} answer: where one order (or one payment attempt on it) stands.
 *
 * @param status     Portmone's word: {@code CREATED}, {@code PREAUTH}, {@code PAYED}, {@code REJECTED} or {@code RETURN}
 * @param billAmount the amount of the bill, as Portmone reports it; null when it gave none
 * @param payDate    when the payment went through; null when unpaid
 */
public record OrderStatus(String shopOrderNumber, String shopBillId, String status, BigDecimal billAmount,
                          Instant payDate, String errorCode, String errorMessage) {

    public static final String CREATED = "CREATED";
    public static final String PREAUTH = "PREAUTH";
    public static final String PAYED = "PAYED";
    public static final String REJECTED = "REJECTED";
    public static final String RETURN = "RETURN";

    public boolean is(String word) {
        return word.equalsIgnoreCase(status);
    }
}
