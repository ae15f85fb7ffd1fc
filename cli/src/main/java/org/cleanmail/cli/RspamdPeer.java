package org.cleanmail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * rspamd (Debian's package, its stock configuration) on free loopback ports, asked
 * through its HTTP {@code /checkv2} endpoint. A private local configuration folder
 * overrides what a comparison must not depend on: modules that query the network (DNS
 * lists, SPF, DKIM, DMARC, fuzzy storage, reputation...) are off, DNS points at a closed
 * port, logs go to the console, the proxy is off, the controller answers loopback
 * without a password, and Bayes (if a redis port is given) uses that private redis with
 * auto-learning off. As root the workers run as {@code _rspamd}.
 */
final class RspamdPeer implements Peer {
    static final String RSPAMD = "/usr/bin/rspamd";
    static final String INSTALL_HINT = "install Debian's rspamd package (apt-get install rspamd redis-server)";
    private static final Set<String> SPAM_ACTIONS = Set.of("reject", "add header", "rewrite subject");
    private static final List<String> NETWORK_MODULES = List.of("rbl", "surbl", "fuzzy_check", "dkim", "spf", "dmarc",
        "arc", "asn", "bimi", "dcc", "emails", "mx_check", "phishing", "reputation", "neural", "ratelimit", "greylist",
        "replies", "url_redirector", "history_redis", "rspamd_update", "metric_exporter", "external_services",
        "antivirus", "clickhouse", "elastic");
    private static final int START_SECONDS = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final PeerProcess process;
    private final URI check;
    private final URI controller;
    private final ObjectMapper json = new ObjectMapper();

    private RspamdPeer(String name, PeerProcess process, int normalPort, int controllerPort) {
        this.name = name;
        this.process = process;
        this.check = URI.create("http://127.0.0.1:" + normalPort + "/checkv2");
        this.controller = URI.create("http://127.0.0.1:" + controllerPort + "/");
    }

    static boolean installed() {
        return PeerProcess.executable(RSPAMD);
    }

    /** Starts rspamd with {@code workers} scanning workers; {@code redisPort} 0 leaves Bayes without a backend. */
    static RspamdPeer start(String name, int workers, int redisPort) throws IOException {
        if (!installed()) {
            throw new IllegalStateException("rspamd is not installed: " + INSTALL_HINT);
        }
        Path folder = PeerProcess.openFolder("cleanmail-rspamd-");
        int normalPort = PeerProcess.freePort();
        int controllerPort = PeerProcess.freePort();
        configure(folder, workers, normalPort, controllerPort, redisPort == 0 ? PeerProcess.freePort() : redisPort);
        List<String> command = new ArrayList<>(List.of(RSPAMD, "-f", "-c", "/etc/rspamd/rspamd.conf",
            "--var=LOCAL_CONFDIR=" + folder, "--var=RUNDIR=" + folder.resolve("run"), "--var=DBDIR=" + folder.resolve("db"),
            "--var=LOGDIR=" + folder));
        if (PeerProcess.isRoot()) {
            command.addAll(List.of("-u", "_rspamd", "-g", "_rspamd"));
        }
        PeerProcess process = PeerProcess.start("rspamd", command, folder);
        RspamdPeer peer = new RspamdPeer(name, process, normalPort, controllerPort);
        process.awaitReady(peer::answersPing, START_SECONDS);
        return peer;
    }

    private static void configure(Path folder, int workers, int normalPort, int controllerPort, int redisPort)
        throws IOException {
        for (String sub : List.of("local.d", "override.d", "run", "db")) {
            Path path = Files.createDirectories(folder.resolve(sub));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path local = folder.resolve("local.d");
        Path override = folder.resolve("override.d");
        Map<Path, String> files = Map.of(
            override.resolve("worker-normal.inc"), "bind_socket = \"127.0.0.1:" + normalPort + "\";\ncount = " + workers + ";\n",
            override.resolve("worker-controller.inc"), "bind_socket = \"127.0.0.1:" + controllerPort + "\";\ncount = 1;\n"
                + "password = \"\";\nenable_password = \"\";\nsecure_ip = \"127.0.0.1\";\n",
            override.resolve("worker-proxy.inc"), "bind_socket = \"127.0.0.1:" + PeerProcess.freePort() + "\";\n"
                + "count = 0;\nmilter = no;\n",
            override.resolve("logging.inc"), "type = \"console\";\nlevel = \"warning\";\n",
            local.resolve("options.inc"), "dns { nameserver = [\"127.0.0.1:1\"]; timeout = 0.1s; retransmits = 0; }\n",
            override.resolve("redis.conf"), "servers = \"127.0.0.1:" + redisPort + "\";\n",
            local.resolve("classifier-bayes.conf"), "backend = \"redis\";\nservers = \"127.0.0.1:" + redisPort + "\";\n"
                + "autolearn = false;\n");
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.writeString(file.getKey(), file.getValue());
        }
        for (String module : NETWORK_MODULES) {
            Files.writeString(override.resolve(module + ".conf"), "enabled = false;\n");
        }
    }

    private boolean answersPing() {
        try {
            Answer answer = post(check.resolve("/ping"), null);
            return answer.status == 200 && answer.body.trim().equals("pong");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PeerVerdict check(byte[] message) throws IOException {
        Answer answer = post(check, message);
        if (answer.status != 200) {
            throw new IOException("rspamd answered " + answer.status + ": " + answer.body);
        }
        JsonNode result = json.readTree(answer.body);
        return new PeerVerdict(result.path("score").asDouble(), SPAM_ACTIONS.contains(result.path("action").asText()));
    }

    /**
     * Teaches Bayes one message through the controller; false when rspamd declined it
     * (already learnt, or too little text to learn from).
     */
    boolean learn(byte[] message, boolean spam) throws IOException {
        return post(controller.resolve(spam ? "learnspam" : "learnham"), message).status == 200;
    }

    /** A POST of {@code body}, or a GET when it is null. HttpURLConnection: rspamd sends a length with its 204 answers. */
    private static Answer post(URI uri, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            if (body != null) {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, text);
        } finally {
            connection.disconnect();
        }
    }

    /** An HTTP answer. */
    private static final class Answer {
        private final int status;
        private final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
