package org.cleanmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A private, memory-only redis on a free loopback port, for rspamd's Bayes statistics. */
final class RedisProcess implements AutoCloseable {
    static final String REDIS = "/usr/bin/redis-server";

    private final PeerProcess process;
    private final int port;

    private RedisProcess(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return PeerProcess.executable(REDIS);
    }

    static RedisProcess start() throws IOException {
        if (!installed()) {
            throw new IllegalStateException("redis-server is not installed: install Debian's redis-server package");
        }
        Path folder = PeerProcess.openFolder("cleanmail-redis-");
        int port = PeerProcess.freePort();
        PeerProcess process = PeerProcess.start("redis", List.of(REDIS, "--port", String.valueOf(port), "--bind",
            "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder.toString(), "--daemonize", "no"), folder);
        process.awaitReady(() -> ping(port), 60);
        return new RedisProcess(process, port);
    }

    private static boolean ping(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[5];
            int read = in.readNBytes(answer, 0, 5);
            return read == 5 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }
}
