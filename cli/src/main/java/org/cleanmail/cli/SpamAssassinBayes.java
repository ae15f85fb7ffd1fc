package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A SpamAssassin Bayes database trained with {@code sa-learn} in a temporary folder: the
 * same site configuration spamd will read (Debian's, plus {@link SpamdPeer#bayesSettings}),
 * local tests only. As root the folder is then handed to {@code nobody}, the user spamd's
 * children run as.
 */
final class SpamAssassinBayes implements AutoCloseable {
    private static final int FILES_PER_CALL = 400;

    private final Path folder;

    private SpamAssassinBayes(Path folder) {
        this.folder = folder;
    }

    static SpamAssassinBayes train(List<Path> spam, List<Path> ham, PrintStream err) throws IOException {
        if (!PeerProcess.executable(SpamdPeer.SA_LEARN)) {
            throw new IllegalStateException("sa-learn is not installed: " + SpamdPeer.INSTALL_HINT);
        }
        Path folder = PeerProcess.openFolder("cleanmail-bayes-");
        SpamAssassinBayes bayes = new SpamAssassinBayes(folder);
        try {
            Path config = Files.createDirectories(folder.resolve("site"));
            SpamdPeer.siteConfig(config, bayes.prefix(), List.of());
            learn(config, "--spam", spam, err);
            learn(config, "--ham", ham, err);
            if (PeerProcess.isRoot()) {
                UserPrincipal nobody = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.collect(Collectors.toList())) {
                        Files.setOwner(file, nobody);
                    }
                }
            }
            return bayes;
        } catch (IOException | RuntimeException e) {
            bayes.close();
            throw e;
        }
    }

    private static void learn(Path config, String label, List<Path> files, PrintStream err) throws IOException {
        for (int from = 0; from < files.size(); from += FILES_PER_CALL) {
            List<String> command = new ArrayList<>(List.of(SpamdPeer.SA_LEARN, "-L", "--siteconfigpath=" + config, label));
            files.subList(from, Math.min(files.size(), from + FILES_PER_CALL)).forEach(file -> command.add(file.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            try {
                if (!process.waitFor(3600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException("sa-learn " + label + " failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            err.println("[eval-peers] sa-learn " + label + ": " + output);
        }
    }

    /** The database's path prefix, for {@code bayes_path}. */
    Path prefix() {
        return folder.resolve("bayes");
    }

    @Override
    public void close() {
        PeerProcess.deleteQuietly(folder);
    }
}
