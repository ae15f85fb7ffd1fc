package org.cleanmail.core.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link PolicyStore}: every policy and group in one {@link PolicyDocument}
 * held in memory and, when opened on a folder, in {@value #FILE_NAME} there (the format
 * of {@link PolicyFileFormat}), rewritten atomically on every change.
 *
 * <p>Thread-safe: readers see one immutable document (no lock); writers are serialized,
 * save the new document, then publish it. If saving fails the change is not applied and
 * an {@link UncheckedIOException} says which file could not be written.
 */
public final class EmbeddedPolicyStore implements PolicyStore {
    public static final String FILE_NAME = "policies.json";

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedPolicyStore.class);

    private final Path file;
    private final Object writeLock = new Object();
    private volatile PolicyDocument document;

    private EmbeddedPolicyStore(Path file, PolicyDocument document) {
        this.file = file;
        this.document = document;
    }

    /** A store kept in memory only, starting empty. */
    public static EmbeddedPolicyStore inMemory() {
        return new EmbeddedPolicyStore(null, PolicyDocument.empty());
    }

    /**
     * The store kept in {@code folder}/{@value #FILE_NAME}, empty if the file does not exist yet.
     *
     * @throws InvalidPolicyException when the file is not a valid policy document (the message names the member)
     */
    public static EmbeddedPolicyStore openIn(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        PolicyDocument document = PolicyFileFormat.read(file);
        LOGGER.info("Loaded {} policies and {} groups from {}", document.policies().size(), document.groups().size(), file);
        return new EmbeddedPolicyStore(file, document);
    }

    /**
     * The store kept in {@code folder}/{@value #FILE_NAME}; when that file does not exist
     * yet, it starts from the administrator's {@code defaultsFile} (same format) and saves
     * it there. Later changes (webadmin) go to {@value #FILE_NAME}; the defaults file is
     * only read.
     *
     * @throws InvalidPolicyException when a file is not a valid policy document (the message names file and member)
     */
    public static EmbeddedPolicyStore openIn(Path folder, Path defaultsFile) throws IOException {
        EmbeddedPolicyStore store = openIn(folder);
        if (!Files.exists(store.file) && Files.exists(defaultsFile)) {
            PolicyDocument defaults = PolicyFileFormat.read(defaultsFile);
            store.replaceAll(defaults);
            LOGGER.info("Started the policies of {} from the defaults file {}", store.file, defaultsFile);
        }
        return store;
    }

    /** Everything stored, as one consistent value. */
    public PolicyDocument document() {
        return document;
    }

    /** Replaces everything with {@code replacement} (e.g. an administrator's defaults file). */
    public void replaceAll(PolicyDocument replacement) {
        change(current -> Objects.requireNonNull(replacement, "document"));
    }

    @Override
    public Optional<Policy> get(PolicyScope scope) {
        return document.policy(scope);
    }

    @Override
    public void put(PolicyScope scope, Policy policy) {
        Objects.requireNonNull(policy, "policy");
        change(current -> current.withPolicy(scope, policy));
    }

    @Override
    public boolean delete(PolicyScope scope) {
        return change(current -> current.withoutPolicy(scope));
    }

    @Override
    public Map<PolicyScope, Policy> list(ScopeType type) {
        return document.policies(type);
    }

    @Override
    public void putGroup(PolicyGroup group) {
        Objects.requireNonNull(group, "group");
        change(current -> current.withGroup(group));
    }

    @Override
    public Optional<PolicyGroup> group(String name) {
        return Optional.ofNullable(document.groups().get(PolicyScope.canonicalGroupName(name)));
    }

    @Override
    public List<PolicyGroup> groups() {
        return document.groups().values().stream().sorted(PolicyGroup.PRECEDENCE)
            .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean deleteGroup(String name) {
        String canonical = PolicyScope.canonicalGroupName(name);
        return change(current -> current.withoutGroup(canonical));
    }

    @Override
    public boolean addMember(String group, String address) {
        return changeGroup(group, existing -> existing.withMember(address));
    }

    @Override
    public boolean removeMember(String group, String address) {
        return changeGroup(group, existing -> existing.withoutMember(address));
    }

    @Override
    public List<PolicyGroup> groupsOf(String canonicalAddress) {
        return document.groupsOf(canonicalAddress);
    }

    private boolean changeGroup(String name, UnaryOperator<PolicyGroup> edit) {
        String canonical = PolicyScope.canonicalGroupName(name);
        return change(current -> {
            PolicyGroup existing = current.groups().get(canonical);
            if (existing == null) {
                throw new NoSuchElementException("group '" + canonical + "' does not exist; create it first");
            }
            return current.withGroup(edit.apply(existing));
        });
    }

    private boolean change(UnaryOperator<PolicyDocument> edit) {
        synchronized (writeLock) {
            PolicyDocument before = document;
            PolicyDocument after = edit.apply(before);
            if (after.equals(before)) {
                return false;
            }
            save(after);
            document = after;
            return true;
        }
    }

    private void save(PolicyDocument changed) {
        if (file == null) {
            return;
        }
        try {
            PolicyFileFormat.write(changed, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Policies could not be saved to " + file + "; the change is not applied", e);
        }
    }
}
