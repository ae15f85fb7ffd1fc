package org.cleanmail.it.policy;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.net.smtp.SMTPClient;

/**
 * An SMTP client playing an outside sender (its socket bound to 127.0.0.2, which the shipped
 * configuration does not trust), that sends one message to several recipients and answers
 * the server's reply to the end of DATA.
 */
final class OutsideSender implements Closeable {
    private static final int TIMEOUT_MILLIS = 30_000;

    private final SMTPClient client = new SMTPClient();

    OutsideSender(int port) throws IOException {
        client.setConnectTimeout(TIMEOUT_MILLIS);
        client.setDefaultTimeout(TIMEOUT_MILLIS);
        client.connect(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"), 0);
        client.setSoTimeout(TIMEOUT_MILLIS);
    }

    /** HELO, MAIL FROM, RCPT TO each recipient, DATA: the reply to the message (or the first refusal before). */
    String send(String sender, List<String> recipients, String message) throws IOException {
        for (String command : commands(sender, recipients)) {
            client.sendCommand(command);
            String reply = client.getReplyString().trim();
            if (!reply.startsWith("250")) {
                return reply;
            }
        }
        Writer writer = client.sendMessageData();
        if (writer == null) {
            return client.getReplyString().trim();
        }
        writer.write(message);
        writer.close();
        client.completePendingCommand();
        return client.getReplyString().trim();
    }

    private static List<String> commands(String sender, List<String> recipients) {
        List<String> commands = new ArrayList<>();
        commands.add("HELO outside.example");
        commands.add("MAIL FROM:<" + sender + ">");
        recipients.forEach(recipient -> commands.add("RCPT TO:<" + recipient + ">"));
        return commands;
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
