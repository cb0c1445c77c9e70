package dev.portmoneconnect.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portmoneconnect.support.ShownInUkrainian.assertShownInUkrainian;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A sheet that cannot be read fails its run; the reason is shown in Ukrainian. */
class SheetReasonsTest {

    @Test
    void aSheetsHeaderProblemIsShownInUkrainian() {
        SheetSourceException twice = catchThrowableOfType(SheetSourceException.class, () -> SheetTable.of(
                SheetTableTest.read("Orders!A1:Z1000", List.of("Order ID", "Email", "Email")), SheetTableTest.KEYED));
        assertShownInUkrainian("run", null, twice.getMessage(), "стовпець 'Email' двічі трапляється в рядку заголовків 1 (B і C)");
        SheetSourceException noKey = catchThrowableOfType(SheetSourceException.class, () -> SheetTable.of(
                SheetTableTest.read("Orders!A1:Z1000", List.of("Id", "Name"), List.of("1", "A")), SheetTableTest.KEYED));
        assertShownInUkrainian("run", null, noKey.getMessage(), "ключового стовпця 'Order ID' немає");
    }
}
