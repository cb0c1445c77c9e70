package dev.portmoneconnect.support;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMS centre for tests, built on jsmpp's own server classes: it takes SMPP binds (checking the
 * system id and password), answers submit_sm like an SMSC, keeps every submit_sm it accepted,
 * and puts concatenated parts back together by their user data headers.
 */
public class FakeSmsc implements ServerMessageReceiverListener, AutoCloseable {

    public static final String SYSTEM_ID = "shop";

    /** GSM 03.38 basic table by septet value (index 27, the escape, never decodes to itself). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final Map<Integer, Character> GSM_EXTENDED = Map.of(0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}',
            0x2F, '\\', 0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '€');

    private final int port;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final ExecutorService sessions = Executors.newCachedThreadPool();
    private final List<SubmitSm> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> refusedDestinations = new ConcurrentHashMap<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger refusedSubmits = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong(1000);
    private volatile boolean open = true;

    public FakeSmsc(String password) throws IOException {
        this.password = password;
        port = FreePort.any();
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(this);
        Thread acceptor = new Thread(this::acceptSessions, "fake-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return port;
    }

    /** Answer submit_sm to this number with the given command status (for example 0x0B, invalid destination). */
    public void refuseDestination(String destination, int commandStatus) {
        refusedDestinations.put(destination, commandStatus);
    }

    /** Answer the next n submit_sm with ESME_RTHROTTLED. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    public int refusedSubmits() {
        return refusedSubmits.get();
    }

    public int binds() {
        return binds.get();
    }

    public List<SubmitSm> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Accepted messages, concatenated parts put back together, in the order their first part came. */
    public List<ReceivedSms> messages() {
        Map<String, List<SubmitSm>> groups = new LinkedHashMap<>();
        for (SubmitSm submit : accepted()) {
            boolean concatenated = (submit.getEsmClass() & 0x40) != 0;
            String key = concatenated
                    ? submit.getDestAddress() + "/" + (submit.getShortMessage()[3] & 0xFF)
                    : submit.getDestAddress() + "/single/" + System.identityHashCode(submit);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(submit);
        }
        return groups.values().stream().map(FakeSmsc::assemble).toList();
    }

    public List<ReceivedSms> messagesTo(String destination) {
        return messages().stream().filter(m -> m.destination().equals(destination)).toList();
    }

    public void reset() {
        accepted.clear();
        refusedDestinations.clear();
        throttleNext.set(0);
        refusedSubmits.set(0);
    }

    private static ReceivedSms assemble(List<SubmitSm> submits) {
        SubmitSm first = submits.get(0);
        List<String> parts = new ArrayList<>();
        List<int[]> headers = new ArrayList<>();
        for (SubmitSm submit : submits) {
            byte[] message = submit.getShortMessage();
            int offset = 0;
            if ((submit.getEsmClass() & 0x40) != 0) {
                int length = message[0] & 0xFF;
                offset = length + 1;
                headers.add(new int[]{message[1] & 0xFF, message[2] & 0xFF, message[3] & 0xFF, message[4] & 0xFF,
                        message[5] & 0xFF});
            }
            parts.add(decode(submit.getDataCoding(), Arrays.copyOfRange(message, offset, message.length)));
        }
        return new ReceivedSms(first.getDestAddress(), first.getSourceAddr(), first.getSourceAddrTon(),
                first.getDataCoding(), parts, headers);
    }

    private static String decode(byte dataCoding, byte[] data) {
        if (dataCoding == 0x08) {
            return new String(data, StandardCharsets.UTF_16BE);
        }
        if (dataCoding != 0x00) {
            throw new IllegalStateException("unexpected data coding " + dataCoding);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            int septet = data[i] & 0x7F;
            if (septet == 0x1B && i + 1 < data.length) {
                text.append(GSM_EXTENDED.get(data[++i] & 0x7F));
            } else {
                text.append(GSM_BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    private void acceptSessions() {
        while (open) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.submit(() -> bind(session));
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (SYSTEM_ID.equals(request.getSystemId()) && password.equals(request.getPassword())) {
                binds.incrementAndGet();
                request.accept("fake-smsc");
            } else {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (Exception e) {
            session.close();
        }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refusedSubmits.incrementAndGet();
            throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        Integer refusal = refusedDestinations.get(submitSm.getDestAddress());
        if (refusal != null) {
            refusedSubmits.incrementAndGet();
            throw new ProcessRequestException("refused", refusal);
        }
        accepted.add(submitSm);
        try {
            return new SubmitSmResult(new MessageId(Long.toHexString(messageIds.incrementAndGet())),
                    new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                           SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by this SMS centre", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
        sessions.shutdownNow();
    }

    /**
     * One SMS as the phone would show it.
     *
     * @param headers per part: the user data header's IEI, IE length, reference, part count, part number
     */
    public record ReceivedSms(String destination, String source, byte sourceTon, byte dataCoding, List<String> parts,
                              List<int[]> headers) {

        public String text() {
            return String.join("", parts);
        }
    }
}
