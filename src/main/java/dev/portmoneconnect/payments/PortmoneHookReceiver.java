package dev.portmoneconnect.payments;

import dev.portmoneconnect.payments.NotificationCheck.Outcome;
import dev.portmoneconnect.payments.PortmoneNotification.Format;
import dev.portmoneconnect.portmone.PortmoneConfig;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads a notification in either of Portmone's forms, has each order it names confirmed with
 * {@code result} ({@link NotificationCheck}), and answers in the notification's own form: error
 * code 0 when every order is confirmed (or known paid), 1 when one is unknown or not borne out, 2
 * when Portmone could not be asked (Portmone sends the notification again later).
 */
@ApplicationScoped
public class PortmoneHookReceiver implements Processor {

    static final int MAX_BODY = 256 * 1024;

    @Inject
    NotificationCheck check;

    @Inject
    PortmoneConfig config;

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String account = in.getHeader("account", String.class);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        String formData = formField(exchange, "data");
        byte[] body = formData == null ? bytes(in) : null;
        in.removeHeaders("*");
        in.setBody(null);
        Format format = formData != null || contentType.contains("xml") || contentType.contains("form")
                || startsWith(body, '<') ? Format.XML : Format.JSON;
        if (account == null || !config.accounts().containsKey(account)) {
            answer(exchange, 404, format, "1", "unknown account", null);
            return;
        }
        if (body != null && body.length > MAX_BODY) {
            answer(exchange, 413, format, "3", "notification too large", null);
            return;
        }
        PortmoneNotification notification;
        try {
            notification = format == Format.JSON ? PortmoneNotification.json(body)
                    : PortmoneNotification.xml(formData != null ? formData : xmlText(body));
        } catch (IllegalArgumentException e) {
            answer(exchange, 400, format, "3", e.getMessage(), null);
            return;
        }
        String id = UUID.randomUUID().toString();
        List<Outcome> outcomes = new ArrayList<>();
        for (PortmoneNotification.Claim claim : notification.claims()) {
            outcomes.add(check.check(account, claim, id));
        }
        if (outcomes.stream().allMatch(Outcome::accepted)) {
            answer(exchange, 200, format, "0", "OK", id);
        } else if (outcomes.contains(Outcome.UNAVAILABLE)) {
            answer(exchange, 200, format, "2", "payment status cannot be confirmed now", id);
        } else {
            answer(exchange, 200, format, "1", "not confirmed by Portmone's result", id);
        }
    }

    /** An XML body posted as it is, or as the {@code data} field of a form the body handler left alone. */
    private static String xmlText(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("data=")) {
            return URLDecoder.decode(text.substring("data=".length()).split("&", 2)[0], StandardCharsets.UTF_8);
        }
        return text;
    }

    private static boolean startsWith(byte[] body, char first) {
        if (body == null) {
            return false;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == first;
            }
        }
        return false;
    }

    /** A form field the Vert.x body handler has parsed already. */
    private static String formField(Exchange exchange, String name) {
        if (!(exchange.getIn() instanceof HttpMessage http)) {
            return null;
        }
        MultiMap attributes = http.getRequest().formAttributes();
        return attributes == null ? null : attributes.get(name);
    }

    private static byte[] bytes(Message in) throws java.io.IOException {
        if (in.getBody() instanceof InputStream stream) {
            try (stream) {
                return stream.readNBytes(MAX_BODY + 1);
            }
        }
        byte[] bytes = in.getBody(byte[].class);
        return bytes == null ? new byte[0] : bytes;
    }

    private static void answer(Exchange exchange, int status, Format format, String code, String reason, String id) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, format == Format.XML ? "application/xml; charset=UTF-8"
                : "application/json; charset=UTF-8");
        out.setBody(PortmoneNotification.answer(format, code, reason, id == null ? "" : id));
    }
}
