package dev.portmoneconnect.mapping;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A mapping's {@code ${body[name]}} read directly gives what Camel's simple language gives. */
class FieldExpressionTest {

    final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void recognisesOnlyExpressionsThatReadOneField() {
        assertThat(FieldExpression.fieldOf("simple", "${body[order_id]}")).isEqualTo("order_id");
        assertThat(FieldExpression.fieldOf("simple", " ${body[e-mail]} ")).isEqualTo("e-mail");
        assertThat(FieldExpression.fieldOf("simple", "Order ${body[order_id]}")).isNull();
        assertThat(FieldExpression.fieldOf("simple", "${body[a]}${body[b]}")).isNull();
        assertThat(FieldExpression.fieldOf("simple", "${body[order id]}")).isNull();
        assertThat(FieldExpression.fieldOf("simple", "${body[order_id].trim()}")).isNull();
        assertThat(FieldExpression.fieldOf("simple", "${header.x}")).isNull();
        assertThat(FieldExpression.fieldOf("jsonpath", "${body[order_id]}")).isNull();
    }

    @Test
    void givesWhatCamelGivesForEveryKindOfValue() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("order_id", "A-1");
        fields.put("amount", new BigDecimal("12.50"));
        fields.put("count", 3);
        fields.put("empty", "");
        fields.put("nothing", null);
        fields.put("items", List.of("x", "y"));
        fields.put("nested", Map.of("k", "v"));
        for (String name : List.of("order_id", "amount", "count", "empty", "nothing", "items", "nested", "missing")) {
            String text = "${body[" + name + "]}";
            Expression camelExpression = camel.resolveLanguage("simple").createExpression(text);
            camelExpression.init(camel);
            Expression fast = FieldExpression.of(name, camelExpression);
            assertThat(fast.evaluate(exchange(fields), Object.class)).as(text)
                    .isEqualTo(camelExpression.evaluate(exchange(fields), Object.class));
        }
    }

    @Test
    void leavesOtherBodiesToCamel() {
        Expression camelExpression = camel.resolveLanguage("simple").createExpression("${body[order_id]}");
        camelExpression.init(camel);
        Expression fast = FieldExpression.of("order_id", camelExpression);
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(null);
        assertThat(fast.evaluate(exchange, Object.class)).isNull();
        assertThat(fast.evaluate(exchange(Map.of("order_id", "A-1")), String.class)).isEqualTo("A-1");
    }

    private Exchange exchange(Map<String, Object> fields) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(fields);
        return exchange;
    }
}
