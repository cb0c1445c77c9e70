package dev.portmoneconnect.source;

/** Spreadsheet addresses in A1 notation: {@code 'My orders'!B2:H}, column letters, cell ranges. */
final class A1Notation {

    private A1Notation() {
    }

    /** Where a range starts: its sheet as written (quoted when it must be), first column (0 = A) and first row. */
    record Start(String sheet, int column, int row) {
    }

    /** Reads the start of a range as Google answers it, such as {@code Orders!A1:Z1000}. */
    static Start start(String range) {
        if (range == null || range.isBlank()) {
            throw new IllegalArgumentException("empty range");
        }
        String sheet = "";
        String cells = range;
        if (range.startsWith("'")) {
            int i = 1;
            while (i < range.length()) {
                if (range.charAt(i) == '\'') {
                    if (i + 1 < range.length() && range.charAt(i + 1) == '\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            sheet = range.substring(0, Math.min(i + 1, range.length()));
            cells = i + 2 <= range.length() ? range.substring(Math.min(i + 2, range.length())) : "";
        } else if (range.contains("!")) {
            sheet = range.substring(0, range.indexOf('!'));
            cells = range.substring(range.indexOf('!') + 1);
        }
        String first = cells.contains(":") ? cells.substring(0, cells.indexOf(':')) : cells;
        int letters = 0;
        while (letters < first.length() && Character.isLetter(first.charAt(letters))) {
            letters++;
        }
        int column = letters == 0 ? 0 : columnIndex(first.substring(0, letters));
        String digits = first.substring(letters);
        int row = digits.isEmpty() ? 1 : Integer.parseInt(digits);
        return new Start(sheet, column, row);
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    static int columnIndex(String letters) {
        int index = 0;
        for (char c : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    /** A one-row range on a sheet: {@code Orders!F5:H5}, or {@code Orders!F5} for one cell. */
    static String rowRange(String sheet, int row, int firstColumn, int lastColumn) {
        String prefix = sheet.isEmpty() ? "" : sheet + "!";
        String from = column(firstColumn) + row;
        return firstColumn == lastColumn ? prefix + from : prefix + from + ":" + column(lastColumn) + row;
    }
}
