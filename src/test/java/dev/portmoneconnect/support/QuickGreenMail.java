package dev.portmoneconnect.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GreenMail's SMTP server, answering each command at once. GreenMail writes a reply line by line;
 * with Nagle's algorithm on, every further line waits for the client's delayed acknowledgement
 * (40 ms on Linux), which made each e-mail take about 0.4 s on the loopback interface.
 *
 * <p>It can also go down the way a mail server does when it is shut down cleanly, see
 * {@link #stopAfterSessions()}.
 */
public class QuickGreenMail extends GreenMail {

    static final Duration SESSIONS_GRACE = Duration.ofSeconds(5);

    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean refusing;

    public QuickGreenMail(ServerSetup smtp) {
        super(smtp);
    }

    /** A started server on a free port of the loopback interface, accepting the given login. */
    public static QuickGreenMail started(String user, String password) throws IOException {
        int port = FreePort.any();
        QuickGreenMail mail = new QuickGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser(user, password);
        mail.start();
        return mail;
    }

    public int port() {
        return getSmtp().getPort();
    }

    /**
     * Refuses new connections at once, lets the sessions under way finish (for a few seconds at the
     * most), then stops. Unlike {@link #stop()}, which cuts sessions wherever they are and forgets
     * what was received, the messages received so far are still there after the next start.
     *
     * <p>A session cut between storing a message and answering its DATA command leaves the client
     * not knowing the message arrived, so it sends it again: SMTP's own ambiguity, which this stop
     * keeps out of tests that check each message arrives once.
     */
    public synchronized void stopAfterSessions() throws InterruptedException {
        refusing = true;
        try {
            long deadline = System.nanoTime() + SESSIONS_GRACE.toNanos();
            while (sessions.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Managers received = managers;
            stop();
            managers = received;
        } finally {
            refusing = false;
        }
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> services = new HashMap<>();
        for (ServerSetup setup : setups) {
            if (!ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                throw new IllegalArgumentException("only SMTP is served here, not " + setup.getProtocol());
            }
            services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                @Override
                protected void handleClientSocket(Socket client) throws SocketException {
                    if (refusing) {
                        closeQuietly(client);
                        return;
                    }
                    client.setTcpNoDelay(true);
                    super.handleClientSocket(client);
                }

                @Override
                protected ProtocolHandler createProtocolHandler(Socket client) {
                    ProtocolHandler session = super.createProtocolHandler(client);
                    sessions.incrementAndGet();
                    return new ProtocolHandler() {
                        @Override
                        public void run() {
                            try {
                                session.run();
                            } finally {
                                sessions.decrementAndGet();
                            }
                        }

                        @Override
                        public void close() {
                            session.close();
                        }
                    };
                }
            });
        }
        return services;
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException e) {
            // the client sees the connection closed either way
        }
    }
}
