package org.cleanmail.core.scoring.eval;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTML and CSS colour values as SpamAssassin's {@code name_to_rgb} does: named
 * colours, {@code #rgb} and {@code #rrggbb} (odd lengths padded or cut), {@code rgb(r, g, b)}
 * and {@code rgb(r%, g%, b%)}; anything else is {@link #INVALID}.
 */
final class HtmlColors {
    static final String INVALID = "invalid";

    private static final Pattern HEX_OR_RGB = Pattern.compile("^[#a-f0-9]*$|rgb\\([\\d%, ]*\\)",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern RGB_PERCENT =
        Pattern.compile("rgb\\((\\d{1,9})%,\\s*(\\d{1,9})%,\\s*(\\d{1,9})%\\s*\\)");
    private static final Pattern NOT_HEX_DIGIT = Pattern.compile("[^a-f0-9]");
    private static final Pattern RGB = Pattern.compile("rgb\\((\\d{1,9}),\\s*(\\d{1,9}),\\s*(\\d{1,9})\\s*\\)");
    private static final Map<String, Integer> NAMED = Map.ofEntries(
        Map.entry("aqua", 0x00ffff), Map.entry("black", 0x000000), Map.entry("blue", 0x0000ff),
        Map.entry("fuchsia", 0xff00ff), Map.entry("gray", 0x808080), Map.entry("green", 0x008000),
        Map.entry("lime", 0x00ff00), Map.entry("maroon", 0x800000), Map.entry("navy", 0x000080),
        Map.entry("olive", 0x808000), Map.entry("purple", 0x800080), Map.entry("red", 0xff0000),
        Map.entry("silver", 0xc0c0c0), Map.entry("teal", 0x008080), Map.entry("white", 0xffffff),
        Map.entry("yellow", 0xffff00), Map.entry("aliceblue", 0xf0f8ff), Map.entry("antiquewhite", 0xfaebd7),
        Map.entry("aquamarine", 0x7fffd4), Map.entry("azure", 0xf0ffff), Map.entry("beige", 0xf5f5dc),
        Map.entry("bisque", 0xffe4c4), Map.entry("blanchedalmond", 0xffebcd), Map.entry("blueviolet", 0x8a2be2),
        Map.entry("brown", 0xa52a2a), Map.entry("burlywood", 0xdeb887), Map.entry("cadetblue", 0x5f9ea0),
        Map.entry("chartreuse", 0x7fff00), Map.entry("chocolate", 0xd2691e), Map.entry("coral", 0xff7f50),
        Map.entry("cornflowerblue", 0x6495ed), Map.entry("cornsilk", 0xfff8dc), Map.entry("crimson", 0xdc143c),
        Map.entry("cyan", 0x00ffff), Map.entry("darkblue", 0x00008b), Map.entry("darkcyan", 0x008b8b),
        Map.entry("darkgoldenrod", 0xb8860b), Map.entry("darkgray", 0xa9a9a9), Map.entry("darkgreen", 0x006400),
        Map.entry("darkgrey", 0xa9a9a9), Map.entry("darkkhaki", 0xbdb76b), Map.entry("darkmagenta", 0x8b008b),
        Map.entry("darkolivegreen", 0x556b2f), Map.entry("darkorange", 0xff8c00), Map.entry("darkorchid", 0x9932cc),
        Map.entry("darkred", 0x8b0000), Map.entry("darksalmon", 0xe9967a), Map.entry("darkseagreen", 0x8fbc8f),
        Map.entry("darkslateblue", 0x483d8b), Map.entry("darkslategray", 0x2f4f4f),
        Map.entry("darkslategrey", 0x2f4f4f), Map.entry("darkturquoise", 0x00ced1), Map.entry("darkviolet", 0x9400d3),
        Map.entry("deeppink", 0xff1493), Map.entry("deepskyblue", 0x00bfff), Map.entry("dimgray", 0x696969),
        Map.entry("dimgrey", 0x696969), Map.entry("dodgerblue", 0x1e90ff), Map.entry("firebrick", 0xb22222),
        Map.entry("floralwhite", 0xfffaf0), Map.entry("forestgreen", 0x228b22), Map.entry("gainsboro", 0xdcdcdc),
        Map.entry("ghostwhite", 0xf8f8ff), Map.entry("gold", 0xffd700), Map.entry("goldenrod", 0xdaa520),
        Map.entry("greenyellow", 0xadff2f), Map.entry("grey", 0x808080), Map.entry("honeydew", 0xf0fff0),
        Map.entry("hotpink", 0xff69b4), Map.entry("indianred", 0xcd5c5c), Map.entry("indigo", 0x4b0082),
        Map.entry("ivory", 0xfffff0), Map.entry("khaki", 0xf0e68c), Map.entry("lavender", 0xe6e6fa),
        Map.entry("lavenderblush", 0xfff0f5), Map.entry("lawngreen", 0x7cfc00), Map.entry("lemonchiffon", 0xfffacd),
        Map.entry("lightblue", 0xadd8e6), Map.entry("lightcoral", 0xf08080), Map.entry("lightcyan", 0xe0ffff),
        Map.entry("lightgoldenrodyellow", 0xfafad2), Map.entry("lightgray", 0xd3d3d3),
        Map.entry("lightgreen", 0x90ee90), Map.entry("lightgrey", 0xd3d3d3), Map.entry("lightpink", 0xffb6c1),
        Map.entry("lightsalmon", 0xffa07a), Map.entry("lightseagreen", 0x20b2aa), Map.entry("lightskyblue", 0x87cefa),
        Map.entry("lightslategray", 0x778899), Map.entry("lightslategrey", 0x778899),
        Map.entry("lightsteelblue", 0xb0c4de), Map.entry("lightyellow", 0xffffe0), Map.entry("limegreen", 0x32cd32),
        Map.entry("linen", 0xfaf0e6), Map.entry("magenta", 0xff00ff), Map.entry("mediumaquamarine", 0x66cdaa),
        Map.entry("mediumblue", 0x0000cd), Map.entry("mediumorchid", 0xba55d3), Map.entry("mediumpurple", 0x9370db),
        Map.entry("mediumseagreen", 0x3cb371), Map.entry("mediumslateblue", 0x7b68ee),
        Map.entry("mediumspringgreen", 0x00fa9a), Map.entry("mediumturquoise", 0x48d1cc),
        Map.entry("mediumvioletred", 0xc71585), Map.entry("midnightblue", 0x191970), Map.entry("mintcream", 0xf5fffa),
        Map.entry("mistyrose", 0xffe4e1), Map.entry("moccasin", 0xffe4b5), Map.entry("navajowhite", 0xffdead),
        Map.entry("oldlace", 0xfdf5e6), Map.entry("olivedrab", 0x6b8e23), Map.entry("orange", 0xffa500),
        Map.entry("orangered", 0xff4500), Map.entry("orchid", 0xda70d6), Map.entry("palegoldenrod", 0xeee8aa),
        Map.entry("palegreen", 0x98fb98), Map.entry("paleturquoise", 0xafeeee), Map.entry("palevioletred", 0xdb7093),
        Map.entry("papayawhip", 0xffefd5), Map.entry("peachpuff", 0xffdab9), Map.entry("peru", 0xcd853f),
        Map.entry("pink", 0xffc0cb), Map.entry("plum", 0xdda0dd), Map.entry("powderblue", 0xb0e0e6),
        Map.entry("rosybrown", 0xbc8f8f), Map.entry("royalblue", 0x4169e1), Map.entry("saddlebrown", 0x8b4513),
        Map.entry("salmon", 0xfa8072), Map.entry("sandybrown", 0xf4a460), Map.entry("seagreen", 0x2e8b57),
        Map.entry("seashell", 0xfff5ee), Map.entry("sienna", 0xa0522d), Map.entry("skyblue", 0x87ceeb),
        Map.entry("slateblue", 0x6a5acd), Map.entry("slategray", 0x708090), Map.entry("slategrey", 0x708090),
        Map.entry("snow", 0xfffafa), Map.entry("springgreen", 0x00ff7f), Map.entry("steelblue", 0x4682b4),
        Map.entry("tan", 0xd2b48c), Map.entry("thistle", 0xd8bfd8), Map.entry("tomato", 0xff6347),
        Map.entry("turquoise", 0x40e0d0), Map.entry("violet", 0xee82ee), Map.entry("wheat", 0xf5deb3),
        Map.entry("whitesmoke", 0xf5f5f5), Map.entry("yellowgreen", 0x9acd32));

    private HtmlColors() {
    }

    /** The colour as {@code #rrggbb}, or {@link #INVALID}. */
    static String toRgb(String value) {
        String color = value.toLowerCase(Locale.ROOT).strip();
        Integer named = NAMED.get(color);
        if (named != null) {
            return String.format("#%06x", named);
        }
        if (!HEX_OR_RGB.matcher(color).find()) {
            return INVALID;
        }
        Matcher percent = RGB_PERCENT.matcher(color);
        if (percent.find()) {
            color = "#" + hex(Long.parseLong(percent.group(1)) * 255 / 100)
                + hex(Long.parseLong(percent.group(2)) * 255 / 100) + hex(Long.parseLong(percent.group(3)) * 255 / 100);
        }
        Matcher rgb = RGB.matcher(color);
        if (rgb.find()) {
            color = "#" + hex(Long.parseLong(rgb.group(1))) + hex(Long.parseLong(rgb.group(2)))
                + hex(Long.parseLong(rgb.group(3)));
        }
        if (!color.startsWith("#")) {
            return INVALID;
        }
        color = NOT_HEX_DIGIT.matcher(color).replaceAll("");
        if (color.length() > 6) {
            color = color.substring(0, 6);
        }
        if (color.length() > 3 && color.length() < 6) {
            color = color.substring(0, 3);
        }
        if (color.length() % 3 != 0) {
            color = color + "0".repeat(3 - color.length() % 3);
        }
        if (color.length() == 3) {
            color = "" + color.charAt(0) + color.charAt(0) + color.charAt(1) + color.charAt(1) + color.charAt(2)
                + color.charAt(2);
        }
        return "#" + color;
    }

    /** A component in hex, at least two digits (a value over 255 gives more, as in SpamAssassin). */
    private static String hex(long component) {
        return String.format("%02x", component);
    }
}
