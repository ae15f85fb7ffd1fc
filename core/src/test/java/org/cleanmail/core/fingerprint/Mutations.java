package org.cleanmail.core.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/** The edits spammers make between copies of one campaign, seeded for repeatable runs. */
enum Mutations {
    REPLACE_FIVE_PERCENT_OF_WORDS(Mutations::replaceFivePercentOfWords),
    REORDER_PARAGRAPHS(Mutations::reorderParagraphs),
    CHANGE_GREETING(Mutations::changeGreeting),
    INSERT_TRACKING_URL_AND_NUMBER(Mutations::insertTrackingUrlAndNumber),
    ALL_OF_THEM(Mutations::all);

    private static final String[] NAMES = {"John", "Anna", "Mr. Smith", "Maria Garcia", "valued customer", "Wei"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final BiFunction<String, Random, String> edit;

    Mutations(BiFunction<String, Random, String> edit) {
        this.edit = edit;
    }

    String apply(String text, long seed) {
        return edit.apply(text, new Random(seed));
    }

    /**
     * What a spammer changes between copies: the text, not the footer that a mailing list
     * added to the spam it relayed (about half of the corpus spam came through lists).
     */
    String applyKeepingFooter(String bodyText, long seed) {
        NormalizedText text = new TextNormalizer().normalize(bodyText);
        return apply(text.body(), seed) + "\n" + text.footer();
    }

    static String replaceFivePercentOfWords(String text, Random random) {
        String[] tokens = text.split("(?<=\\s)|(?=\\s)");
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (!tokens[i].isBlank()) {
                words.add(i);
            }
        }
        Collections.shuffle(words, random);
        int replaced = (int) Math.round(words.size() * 0.05);
        for (int i = 0; i < replaced; i++) {
            tokens[words.get(i)] = randomWord(random);
        }
        return String.join("", tokens);
    }

    static String reorderParagraphs(String text, Random random) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\\n\\s*\\n")));
        Collections.shuffle(paragraphs, random);
        return String.join("\n\n", paragraphs);
    }

    static String changeGreeting(String text, Random random) {
        return "Dear " + NAMES[random.nextInt(NAMES.length)] + ",\n\n" + text;
    }

    static String insertTrackingUrlAndNumber(String text, Random random) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\\n\\s*\\n")));
        String tracking = "http://track.example.com/c/" + Long.toHexString(random.nextLong())
            + " ref " + (100000 + random.nextInt(900000));
        paragraphs.add(random.nextInt(paragraphs.size() + 1), tracking);
        return String.join("\n\n", paragraphs);
    }

    static String all(String text, Random random) {
        String edited = replaceFivePercentOfWords(text, random);
        edited = reorderParagraphs(edited, random);
        edited = insertTrackingUrlAndNumber(edited, random);
        return changeGreeting(edited, random);
    }

    private static String randomWord(Random random) {
        StringBuilder word = new StringBuilder();
        int length = 3 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }
}
