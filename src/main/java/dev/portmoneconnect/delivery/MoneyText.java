package dev.portmoneconnect.delivery;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount with its currency the way the payer's language writes money: {@code 1 250,50 грн} in
 * Ukrainian (and Russian), {@code 1,250.50 UAH} in English. Written out here rather than taken from
 * the JVM's locale data, so the text does not depend on the machine the app runs on.
 */
public final class MoneyText {

    private MoneyText() {
    }

    public static String of(BigDecimal amount, String currency, String language) {
        boolean english = "en".equals(language);
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(english ? ',' : ' ');
        symbols.setDecimalSeparator(english ? '.' : ',');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        String unit = !english && "UAH".equals(currency) ? "грн" : currency;
        return format.format(amount) + " " + unit;
    }
}
