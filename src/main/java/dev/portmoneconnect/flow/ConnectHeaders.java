package dev.portmoneconnect.flow;

/** Message headers the connection components pass along a run, one record at a time. */
public final class ConnectHeaders {

    public static final String CONNECTION_ID = "PortmoneConnectConnectionId";
    public static final String RUN_ID = "PortmoneConnectRunId";
    public static final String DRY_RUN = "PortmoneConnectDryRun";
    public static final String TEST = "PortmoneConnectTest";
    /** A test send's {@link TestRecipients}, when the tester named them instead of the record's payer. */
    public static final String TEST_RECIPIENTS = "PortmoneConnectTestRecipients";
    /** A test send's unique suffix: its record key is {@code test:<suffix>}, its order number is marked as a test. */
    public static final String TEST_SUFFIX = "PortmoneConnectTestSuffix";
    /** Keys of the records a replay gives another go, whatever their state or content. */
    public static final String REPLAY_KEYS = "PortmoneConnectReplayKeys";
    public static final String SOURCE_ID = "PortmoneConnectSourceId";
    public static final String RECORD_KEY = "PortmoneConnectRecordKey";
    public static final String CONTENT_HASH = "PortmoneConnectContentHash";
    public static final String CHANNELS = "PortmoneConnectChannels";
    public static final String LEDGER_ID = "PortmoneConnectLedgerId";
    /** The claim this record's handling holds on its ledger row (see {@code ledger:guard}). */
    public static final String CLAIM_ID = "PortmoneConnectClaimId";
    public static final String SHOP_ORDER_NUMBER = "PortmoneConnectShopOrderNumber";
    public static final String PAYMENT_LINK = "PortmoneConnectPaymentLink";
    public static final String PORTMONE_REQUEST = "PortmoneConnectPortmoneRequest";
    /** The Portmone account (its name under portmone.accounts) that created the record's invoice. */
    public static final String PORTMONE_ACCOUNT = "PortmoneConnectPortmoneAccount";
    /** Whether the step that created the invoice closes it at Portmone once it expires unpaid. */
    public static final String CLOSE_EXPIRED = "PortmoneConnectCloseExpired";
    /** Set on a record of a {@code payments:} source: the follow-up (reminder, notice) it goes through. */
    public static final String FOLLOW_UP = "PortmoneConnectFollowUp";
    /** More values for the message templates, by name (for example the payment's date), beside the invoice's. */
    public static final String MESSAGE_DATA = "PortmoneConnectMessageData";
    public static final String DELIVERY_PREVIEW = "PortmoneConnectDeliveryPreview";
    public static final String DELIVERY_PARTS = "PortmoneConnectDeliveryParts";
    /** The channels that have delivered the link so far, comma-separated: each is sent once per record. */
    public static final String DELIVERED = "PortmoneConnectDelivered";

    /** Exchange property holding the source record as it arrived. */
    public static final String SOURCE_RECORD = "PortmoneConnectSourceRecord";

    private ConnectHeaders() {
    }
}
