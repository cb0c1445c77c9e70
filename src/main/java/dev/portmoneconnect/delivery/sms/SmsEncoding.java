package dev.portmoneconnect.delivery.sms;

import java.nio.charset.StandardCharsets;

/**
 * How an SMS text is encoded, and so how much of it fits a part. Capacities are in the encoding's
 * units: septets for GSM-7, UTF-16 code units for UCS-2. A text that needs several parts carries
 * a 6-octet concatenation header in each, which is why a part of a long text holds less.
 */
public enum SmsEncoding {

    GSM_7((byte) 0x00, 160, 153),
    UCS_2((byte) 0x08, 70, 67);

    private final byte dataCoding;
    private final int singleCapacity;
    private final int partCapacity;

    SmsEncoding(byte dataCoding, int singleCapacity, int partCapacity) {
        this.dataCoding = dataCoding;
        this.singleCapacity = singleCapacity;
        this.partCapacity = partCapacity;
    }

    /** GSM-7 when every character is in the GSM 03.38 alphabet, UCS-2 otherwise (Cyrillic, for one). */
    public static SmsEncoding of(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM_7 : UCS_2;
    }

    /** The SMPP data_coding value. */
    public byte dataCoding() {
        return dataCoding;
    }

    /** Units that fit a text sent as one part. */
    public int singleCapacity() {
        return singleCapacity;
    }

    /** Units that fit each part of a text sent in several. */
    public int partCapacity() {
        return partCapacity;
    }

    public int units(CharSequence text) {
        return this == GSM_7 ? Gsm7.septets(text) : text.length();
    }

    int units(char c) {
        return this == GSM_7 ? Gsm7.septets(c) : 1;
    }

    /** The octets of a part's text as the network carries them (GSM-7 unpacked, one septet per octet). */
    public byte[] encode(String text) {
        return this == GSM_7 ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }

    public String label() {
        return this == GSM_7 ? "GSM-7" : "UCS-2";
    }
}
