/**
 * Java implementations of SpamAssassin's {@code eval:} tests, with SpamAssassin's semantics,
 * and {@link org.cleanmail.core.scoring.eval.StandardEvalFunctions}, the registry of all of
 * them. Every function reads only {@link org.cleanmail.core.message.MessageFeatures}, parses
 * its arguments leniently, answers false on odd input and never throws.
 *
 * <p>Implemented, by SpamAssassin plugin:
 * <ul>
 *   <li>HeaderEval: {@code check_for_missing_to_header}, {@code check_equal_from_domains},
 *       {@code check_illegal_chars}, {@code subject_is_all_caps}, {@code check_ratware_name_id},
 *       {@code check_outlook_message_id}, {@code check_messageid_not_usable},
 *       {@code check_header_count_range}, {@code check_for_to_in_subject},
 *       {@code check_unresolved_template}, {@code check_for_shifted_date}.</li>
 *   <li>BodyEval: {@code check_blank_line_ratio}, {@code tvd_vertical_words},
 *       {@code check_stock_info}, {@code multipart_alternative_difference(_count)}.</li>
 *   <li>MIMEEval: {@code check_for_mime}, {@code check_for_mime_html(_only)},
 *       {@code check_mime_multipart_ratio}, {@code check_msg_parse_flags},
 *       {@code check_for_uppercase}, {@code check_base64_length},
 *       {@code check_for_ascii_text_illegal}, {@code check_abundant_unicode_ratio}, the
 *       faraway-charset tests (false under the default {@code ok_locales all}).</li>
 *   <li>HTMLEval: {@code html_tag_exists}, {@code html_tag_balance}, {@code html_test}
 *       ({@code html}, {@code embeds}, {@code form_action_mailto}, {@code font_face_bad},
 *       {@code font_low_contrast}), {@code html_eval} and {@code html_range} ({@code length},
 *       {@code max_size}, {@code image_area}, {@code non_space_len}, {@code bad_tag_ratio},
 *       {@code non_element_ratio}, {@code closed_extra_ratio}), {@code html_text_match},
 *       {@code html_title_subject_ratio}, {@code html_image_only}, {@code html_image_ratio},
 *       {@code html_charset_faraway}.</li>
 *   <li>ImageInfo: {@code image_count}. FreeMail: {@code check_freemail_from},
 *       {@code check_freemail_header}, {@code check_freemail_replyto}, {@code check_freemail_body}.
 *       WLBLEval: {@code check_from_in_list}, {@code check_replyto_in_list}.</li>
 * </ul>
 *
 * <p>Known differences: the envelope sender is read from the first Received field of a
 * public IP (SpamAssassin uses its trust path), then from delivery headers; HTML is analysed with jsoup rather than
 * HTML::Parser; {@code html_test} names and {@code html_range} values not listed above
 * (such as {@code obfuscation_ratio}) are never true; {@code missing_mime_head_body_separator}
 * is never set. The facts several functions share (a second MIME walk over the full text,
 * the analysis of each HTML part) are computed once per message.
 */
package org.cleanmail.core.scoring.eval;
