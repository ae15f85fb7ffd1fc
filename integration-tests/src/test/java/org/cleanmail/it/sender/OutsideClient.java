package org.cleanmail.it.sender;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPConnectionClosedException;

/**
 * An SMTP client that plays an outside sender: its socket is bound to a loopback address
 * other than 127.0.0.1 (127.0.0.2, 127.0.1.2, ...), which the shipped configuration does
 * not trust. Each method answers the server's whole reply, trimmed.
 */
final class OutsideClient implements Closeable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final SMTPClient client = new SMTPClient();
    private String greeting;

    private OutsideClient() {
    }

    static OutsideClient connect(String localAddress, int port) throws IOException {
        OutsideClient outside = new OutsideClient();
        outside.client.setConnectTimeout(TIMEOUT_MILLIS);
        outside.client.setDefaultTimeout(TIMEOUT_MILLIS);
        try {
            outside.client.connect(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0);
            outside.client.setSoTimeout(TIMEOUT_MILLIS);
        } catch (SMTPConnectionClosedException e) {
            // a 421 greeting: commons-net reads it, then closes
        }
        outside.greeting = outside.client.getReplyString().trim();
        return outside;
    }

    /** The reply the server greeted with: {@code 220 ...}, or a refusal. */
    String greeting() {
        return greeting;
    }

    String command(String line) throws IOException {
        client.sendCommand(line);
        return client.getReplyString().trim();
    }

    String helo(String name) throws IOException {
        return command("HELO " + name);
    }

    String mailFrom(String sender) throws IOException {
        return command("MAIL FROM:<" + sender + ">");
    }

    String rcptTo(String recipient) throws IOException {
        return command("RCPT TO:<" + recipient + ">");
    }

    /** DATA, the message, the final dot: the reply to the message. */
    String data(String message) throws IOException {
        Writer writer = client.sendMessageData();
        if (writer == null) {
            return client.getReplyString().trim();
        }
        writer.write(message);
        writer.close();
        client.completePendingCommand();
        return client.getReplyString().trim();
    }

    /** Sends a whole message: the reply of the first command refused, or of the message. */
    String send(String helo, String sender, String recipient, String message) throws IOException {
        for (String reply : new String[] {helo(helo), mailFrom(sender), rcptTo(recipient)}) {
            if (!reply.startsWith("250")) {
                return reply;
            }
        }
        return data(message);
    }

    @Override
    public void close() throws IOException {
        if (client.isConnected()) {
            try {
                client.quit();
            } catch (IOException e) {
                // the server may have closed first
            }
            client.disconnect();
        }
    }
}
