package dev.portmoneconnect.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment notification as Portmone posts it: JSON ({@code shopOrderNumber}, {@code shopBillId}),
 * or XML in the form field {@code data} ({@code <BILLS><BILL><BILL_NUMBER>…}). It carries no
 * signature: it only says which orders to ask Portmone about. Every field name of the two forms
 * lives here.
 */
public record PortmoneNotification(Format format, List<Claim> claims) {

    public enum Format { JSON, XML }

    /** One order the notification says was paid, with what it claims about it. */
    public record Claim(String shopOrderNumber, String billId, String amount) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the body is neither form, or names no order */
    public static PortmoneNotification json(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the notification is not JSON");
        }
        List<Claim> claims = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(item -> claim(item, claims));
        } else if (root != null && root.isObject()) {
            claim(root.has("data") && root.get("data").isObject() ? root.get("data") : root, claims);
        }
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("the notification names no shopOrderNumber");
        }
        return new PortmoneNotification(Format.JSON, claims);
    }

    private static void claim(JsonNode item, List<Claim> claims) {
        String order = item.path("shopOrderNumber").asText("").strip();
        if (!order.isEmpty()) {
            claims.add(new Claim(order, item.path("shopBillId").asText("").strip(),
                    item.path("billAmount").asText("").strip()));
        }
    }

    /** @throws IllegalArgumentException when the text is not the XML form, or names no order */
    public static PortmoneNotification xml(String data) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a notification is not trusted: no DTDs, no entities, nothing fetched
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            document = builder.parse(new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("the notification is not XML");
        }
        List<Claim> claims = new ArrayList<>();
        NodeList bills = document.getElementsByTagName("BILL");
        for (int i = 0; i < bills.getLength(); i++) {
            Element bill = (Element) bills.item(i);
            String order = text(bill, "BILL_NUMBER");
            if (!order.isEmpty()) {
                claims.add(new Claim(order, text(bill, "BILL_ID"), text(bill, "PAYED_AMOUNT")));
            }
        }
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("the notification names no BILL_NUMBER");
        }
        return new PortmoneNotification(Format.XML, claims);
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    /** The answer Portmone expects, in the notification's own form. */
    public static String answer(Format format, String errorCode, String reason, String responseId) {
        if (format == Format.XML) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><RESULT><ERROR_CODE>" + escape(errorCode)
                    + "</ERROR_CODE><REASON>" + escape(reason) + "</REASON></RESULT>";
        }
        return JSON.createObjectNode().put("errorCode", errorCode).put("reason", reason).put("responseId", responseId)
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
