package org.cleanmail.core.rules.sa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ReplaceTags plugin: in the patterns of rules listed by {@code replace_rules},
 * {@code <A>} is replaced by the {@code replace_tag A} text; {@code <pre X>},
 * {@code <post X>} and {@code <inter X>} put the {@code replace_pre/post/inter} texts
 * before each tag, after each tag, and between adjacent tags. Replacement texts may
 * hold tags themselves; like SpamAssassin, at most six passes are made, and replacing
 * stops once the pattern exceeds {@value #MAX_RESULT_LENGTH} chars. Immutable.
 */
final class ReplaceTags {
    private static final int MAX_PASSES = 6;
    /** Past this length replacing stops; the translator then refuses the pattern as too long. */
    static final int MAX_RESULT_LENGTH = 512 * 1024;
    private static final Pattern PRE = Pattern.compile("<pre (.+?)>");
    private static final Pattern POST = Pattern.compile("<post (.+?)>");
    private static final Pattern INTER = Pattern.compile("<inter (.+?)>");
    private static final Pattern TAG = Pattern.compile("<[^<>]+>");
    private static final Pattern TAG_NAME = Pattern.compile("<(.+?)>");

    private final Map<String, String> tags;
    private final Map<String, String> pre;
    private final Map<String, String> post;
    private final Map<String, String> inter;

    ReplaceTags(Map<String, String> tags, Map<String, String> pre, Map<String, String> post,
                Map<String, String> inter) {
        this.tags = Map.copyOf(tags);
        this.pre = Map.copyOf(pre);
        this.post = Map.copyOf(post);
        this.inter = Map.copyOf(inter);
    }

    /** Replaces the tags of one pattern body (the text between the delimiters). */
    String apply(String pattern) {
        String current = pattern;
        boolean again = true;
        for (int pass = 0; pass < MAX_PASSES && again && current.length() <= MAX_RESULT_LENGTH; pass++) {
            again = false;
            String preText = take(PRE, current, pre);
            current = PRE.matcher(current).replaceFirst("");
            String postText = take(POST, current, post);
            current = POST.matcher(current).replaceFirst("");
            String interText = take(INTER, current, inter);
            current = INTER.matcher(current).replaceFirst("");
            List<String> parts = split(current);
            StringBuilder result = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                boolean isTag = TAG.matcher(part).matches();
                if (!isTag) {
                    result.append(part.isEmpty() && i > 0 ? interText : part);
                    continue;
                }
                Matcher name = TAG_NAME.matcher(part);
                String replacement = name.find() ? tags.get(name.group(1)) : null;
                if (replacement == null || replacement.isEmpty()) {
                    result.append(preText).append(part).append(postText);
                } else if (result.length() > MAX_RESULT_LENGTH) {
                    result.append(part);
                } else {
                    result.append(preText).append(replacement).append(postText);
                    again = again || TAG.matcher(replacement).find();
                }
            }
            current = result.toString();
        }
        return current;
    }

    private static String take(Pattern directive, String text, Map<String, String> values) {
        Matcher matcher = directive.matcher(text);
        return matcher.find() ? values.getOrDefault(matcher.group(1), "") : "";
    }

    /** Like Perl's split(/(<[^<>]+>)/): text and tags alternate, "" between adjacent tags. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            parts.add(text.substring(last, tag.start()));
            parts.add(tag.group());
            last = tag.end();
        }
        if (last < text.length()) {
            parts.add(text.substring(last));
        }
        return parts;
    }
}
