package dev.portmoneconnect.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class A1NotationTest {

    @Test
    void columnsAreLettersFromA() {
        assertThat(A1Notation.column(0)).isEqualTo("A");
        assertThat(A1Notation.column(25)).isEqualTo("Z");
        assertThat(A1Notation.column(26)).isEqualTo("AA");
        assertThat(A1Notation.column(701)).isEqualTo("ZZ");
        assertThat(A1Notation.column(702)).isEqualTo("AAA");
        for (int i = 0; i < 1000; i++) {
            assertThat(A1Notation.columnIndex(A1Notation.column(i))).isEqualTo(i);
        }
    }

    @Test
    void aRangeStartIsItsSheetFirstColumnAndFirstRow() {
        assertThat(A1Notation.start("Orders!A1:Z1000")).isEqualTo(new A1Notation.Start("Orders", 0, 1));
        assertThat(A1Notation.start("'Web orders'!B2:H")).isEqualTo(new A1Notation.Start("'Web orders'", 1, 2));
        assertThat(A1Notation.start("'It''s mine!'!C:C")).isEqualTo(new A1Notation.Start("'It''s mine!'", 2, 1));
        assertThat(A1Notation.start("A5:B")).isEqualTo(new A1Notation.Start("", 0, 5));
    }

    @Test
    void aRowRangeNamesOneCellOrARunOfCells() {
        assertThat(A1Notation.rowRange("Orders", 5, 6, 8)).isEqualTo("Orders!G5:I5");
        assertThat(A1Notation.rowRange("'Web orders'", 12, 27, 27)).isEqualTo("'Web orders'!AB12");
    }
}
