package org.cleanmail.core.blacklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every recipient's personal white and black lists (see {@link PersonalList} for how a
 * verdict is reached). Thread-safe: each recipient's lists are an immutable value
 * replaced on change, so verdicts take no lock.
 *
 * <p>Opened with {@link #openIn(Path)}, the lists live in {@value #FILE_NAME} in that
 * folder, rewritten atomically on every change, one mention per line:
 * <pre>
 * # list recipient sender-or-domain
 * white alice@mydomain.example friend@x.example
 * black alice@mydomain.example spam.example
 * </pre>
 * Recipients and senders are compared lower-cased; bad lines are reported and skipped.
 */
public final class PersonalLists {
    public static final String FILE_NAME = "personal-lists.txt";

    private static final Logger LOGGER = LoggerFactory.getLogger(PersonalLists.class);
    private static final String EXAMPLE = "white alice@mydomain.example friend@x.example";

    private final Map<String, PersonalList> lists = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final Path file;
    private volatile List<LineProblem> loadProblems = List.of();

    private PersonalLists(Path file) {
        this.file = file;
    }

    public static PersonalLists inMemory() {
        return new PersonalLists(null);
    }

    /** The lists stored in {@code folder}/{@value #FILE_NAME}, empty if it does not exist yet. */
    public static PersonalLists openIn(Path folder) throws IOException {
        PersonalLists personalLists = new PersonalLists(folder.resolve(FILE_NAME));
        List<String> lines = AtomicFiles.readLines(personalLists.file);
        List<LineProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                personalLists.load(line);
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(i + 1, e.getMessage()));
                LOGGER.warn("Skipping line {} of {}: {}", i + 1, personalLists.file, e.getMessage());
            }
        }
        personalLists.loadProblems = List.copyOf(problems);
        return personalLists;
    }

    /** The bad lines skipped when the file was loaded. */
    public List<LineProblem> loadProblems() {
        return loadProblems;
    }

    /** What {@code recipient}'s lists say about {@code sender}; {@code NONE} for anything unreadable. */
    public PersonalVerdict verdict(String recipient, String sender) {
        return MailNames.address(recipient)
            .map(lists::get)
            .map(list -> list.verdict(sender))
            .orElse(PersonalVerdict.NONE);
    }

    /**
     * Puts a sender address or domain on a recipient's list.
     *
     * @return whether the list changed
     * @throws IllegalArgumentException when the recipient or the sender is not valid
     */
    public boolean add(String recipient, PersonalListKind kind, String senderOrDomain) {
        return change(recipient, kind, senderOrDomain, true);
    }

    /** Takes a sender address or domain off a recipient's list; returns whether the list changed. */
    public boolean remove(String recipient, PersonalListKind kind, String senderOrDomain) {
        return change(recipient, kind, senderOrDomain, false);
    }

    /** The lists of {@code recipient}, empty when it has none or is no address. */
    public PersonalList listOf(String recipient) {
        return MailNames.address(recipient).map(lists::get).orElse(PersonalList.empty());
    }

    /** Recipients having at least one mention, sorted. */
    public List<String> recipients() {
        return List.copyOf(new TreeSet<>(lists.keySet()));
    }

    private boolean change(String recipient, PersonalListKind kind, String senderOrDomain, boolean add) {
        String canonicalRecipient = requireRecipient(recipient);
        String canonicalSender = requireSender(senderOrDomain);
        synchronized (writeLock) {
            PersonalList before = lists.getOrDefault(canonicalRecipient, PersonalList.empty());
            PersonalList after = add ? before.with(kind, canonicalSender) : before.without(kind, canonicalSender);
            if (after.equals(before)) {
                return false;
            }
            if (after.isEmpty()) {
                lists.remove(canonicalRecipient);
            } else {
                lists.put(canonicalRecipient, after);
            }
            save();
            return true;
        }
    }

    private void load(String line) {
        List<String> words = LineTokenizer.tokenize(line);
        if (words.size() != 3) {
            throw new IllegalArgumentException("expected list, recipient and sender, e.g. " + EXAMPLE);
        }
        PersonalListKind kind = PersonalListKind.fromKeyword(words.get(0))
            .orElseThrow(() -> new IllegalArgumentException("unknown list '" + words.get(0)
                + "'; expected white or black, e.g. " + EXAMPLE));
        String recipient = requireRecipient(words.get(1));
        String sender = requireSender(words.get(2));
        lists.merge(recipient, PersonalList.empty().with(kind, sender),
            (existing, added) -> existing.with(kind, sender));
    }

    private static String requireRecipient(String recipient) {
        return MailNames.address(recipient).orElseThrow(() -> new IllegalArgumentException(
            "recipient '" + recipient + "' is not a mail address, e.g. alice@mydomain.example"));
    }

    private static String requireSender(String senderOrDomain) {
        return PersonalList.canonicalSender(senderOrDomain).orElseThrow(() -> new IllegalArgumentException(
            "'" + senderOrDomain + "' is neither a mail address nor a domain, e.g. friend@x.example or x.example"));
    }

    private void save() {
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("# CleanMail personal lists: list recipient sender-or-domain");
        new TreeMap<>(lists).forEach((recipient, list) -> {
            for (PersonalListKind kind : PersonalListKind.values()) {
                new TreeSet<>(list.list(kind)).forEach(sender -> lines.add(kind.keyword() + " "
                    + LineTokenizer.word(recipient) + " " + LineTokenizer.word(sender)));
            }
        });
        try {
            AtomicFiles.writeLines(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Personal lists changed in memory but could not be saved to " + file, e);
        }
    }
}
