package dev.portmoneconnect.delivery.sms;

/**
 * The GSM 03.38 default alphabet and its extension table. A basic character takes one septet; an
 * extension character takes two (the escape code and its own). Encoded unpacked, one septet per
 * octet, which is what SMPP carries for data coding 0.
 */
public final class Gsm7 {

    private static final char ESCAPE = 0x1B;

    /** The basic table, indexed by septet value; the escape position holds a character never found in text. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The extension table: characters reached through the escape code, and their septet values. */
    private static final String EXTENDED = "\f^{}\\[~]|€";
    private static final byte[] EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private Gsm7() {
    }

    /** @return the septets the character takes (1 or 2), or 0 when the alphabet has no such character */
    public static int septets(char c) {
        if (c != '\uFFFF' && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENDED.indexOf(c) >= 0 ? 2 : 0;
    }

    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    public static int septets(CharSequence text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += septets(text.charAt(i));
        }
        return total;
    }

    /** Encodes unpacked: one septet per octet. */
    public static byte[] encode(String text) {
        byte[] out = new byte[septets(text)];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == '\uFFFF' ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out[at++] = (byte) basic;
                continue;
            }
            int extended = EXTENDED.indexOf(c);
            if (extended < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in the GSM 03.38 alphabet");
            }
            out[at++] = ESCAPE;
            out[at++] = EXTENDED_CODES[extended];
        }
        return out;
    }
}
