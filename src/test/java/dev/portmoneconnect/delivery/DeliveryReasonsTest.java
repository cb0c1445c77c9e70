package dev.portmoneconnect.delivery;

import dev.portmoneconnect.delivery.sms.SmsText;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static dev.portmoneconnect.support.ShownInUkrainian.assertShownInUkrainian;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The reasons e-mail delivery gives, as delivery writes them, are shown in Ukrainian. */
class DeliveryReasonsTest {

    @Test
    void mailFailuresAreShownInUkrainian() throws Exception {
        shown(EmailProducer.classify(new SMTPAddressFailedException(new InternetAddress("ivan@example.com"),
                "RCPT TO", 550, "5.1.1 no such user"), "ivan@example.com"), "отримувача i***@example.com (код 550)");
        shown(EmailProducer.classify(new SMTPSendFailedException("DATA", 452, "4.3.1 storage full", null,
                null, null, null), "ivan@example.com"), "не прийняв лист (код 452)");
        shown(EmailProducer.classify(new AuthenticationFailedException("535"), "ivan@example.com"), "не прийняв логін");
        shown(EmailProducer.classify(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused")), "ivan@example.com"), "поштовий сервер недоступний");
    }

    @Test
    void aTextTooLongForSmsIsShownInUkrainian() {
        IllegalArgumentException tooLong = catchThrowableOfType(IllegalArgumentException.class,
                () -> SmsText.of("Ж".repeat(20_000), null));
        shown(new PermanentDeliveryException("SMS_TOO_LONG", tooLong.getMessage(), tooLong), "частин SMS");
    }

    private static void shown(DeliveryException failure, String expected) {
        assertShownInUkrainian("delivery", failure.code(), failure.getMessage(), expected);
    }
}
