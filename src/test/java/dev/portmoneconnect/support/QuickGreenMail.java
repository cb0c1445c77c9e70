package dev.portmoneconnect.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail's SMTP server, answering each command at once. GreenMail writes a reply line by line;
 * with Nagle's algorithm on, every further line waits for the client's delayed acknowledgement
 * (40 ms on Linux), which made each e-mail take about 0.4 s on the loopback interface.
 */
public class QuickGreenMail extends GreenMail {

    public QuickGreenMail(ServerSetup smtp) {
        super(smtp);
    }

    /** A started server on a free port of the loopback interface, accepting the given login. */
    public static QuickGreenMail started(String user, String password) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        QuickGreenMail mail = new QuickGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser(user, password);
        mail.start();
        return mail;
    }

    public int port() {
        return getSmtp().getPort();
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
                    client.setTcpNoDelay(true);
                    super.handleClientSocket(client);
                }
            });
        }
        return services;
    }
}
