package org.cleanmail.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
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
            return get("/ping").trim().equals("pong");
        } catch (IOException e) {
            return false;
        }
    }

    private String get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(check.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        return send(request).body();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PeerVerdict check(byte[] message) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(check).timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IOException("rspamd answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = json.readTree(response.body());
        return new PeerVerdict(answer.path("score").asDouble(), SPAM_ACTIONS.contains(answer.path("action").asText()));
    }

    /** Teaches Bayes one message through the controller; false when rspamd refused it (e.g. already learnt). */
    boolean learn(byte[] message, boolean spam) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(controller.resolve(spam ? "learnspam" : "learnham")).timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
        return send(request).statusCode() == 200;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
