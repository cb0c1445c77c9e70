package dev.portmoneconnect.mapping;

/** Renders user input inside error messages: bounded in length and free of control characters. */
final class Display {

    private static final int MAX = 60;

    private Display() {
    }

    static String clip(Object value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX ? text : text.substring(0, MAX) + "…";
    }
}
