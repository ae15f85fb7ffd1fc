package org.cleanmail.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;

/** Scans files on every core, and hands the results over in the files' order. */
final class ParallelScanner {
    private final MessageScanner scanner;
    private final int maxMessageBytes;

    ParallelScanner(MessageScanner scanner, int maxMessageBytes) {
        this.scanner = scanner;
        this.maxMessageBytes = maxMessageBytes;
    }

    void scan(List<Path> files, Consumer<Scanned> consumer) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cleanmail-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Scanned>>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> scanFile(file)));
            }
            for (Future<List<Scanned>> future : futures) {
                future.get().forEach(consumer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Scanned> scanFile(Path file) {
        List<Scanned> results = new ArrayList<>();
        for (MessageFile message : MessageFiles.read(file)) {
            results.add(new Scanned(message.label(), scanner.scan(raw(message.bytes()))));
        }
        return results;
    }

    RawMessage raw(byte[] bytes) {
        if (bytes.length <= maxMessageBytes) {
            return RawMessage.of(bytes);
        }
        return RawMessage.truncated(Arrays.copyOf(bytes, maxMessageBytes));
    }
}
