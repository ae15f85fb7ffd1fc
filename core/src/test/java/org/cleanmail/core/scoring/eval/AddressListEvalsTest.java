package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import java.util.List;

import org.junit.jupiter.api.Test;

class AddressListEvalsTest {
    @Test
    void fromInListShouldMatchGlobsIgnoringCase() {
        assertThat(call("check_from_in_list", message("From: Service <Service@PayPal.com>", "", "x"), "PAYPAL"))
            .isTrue();
        assertThat(call("check_from_in_list", message("From: a@mail.paypal.com", "", "x"), "PAYPAL")).isTrue();
        assertThat(call("check_from_in_list", message("From: service@bank1.example", "", "x"), "BANKS")).isTrue();
    }

    @Test
    void fromInListShouldNotMatchLookAlikes() {
        assertThat(call("check_from_in_list", message("From: a@paypal.com.evil.example", "", "x"), "PAYPAL"))
            .isFalse();
        assertThat(call("check_from_in_list", message("From: service@bank12.example", "", "x"), "BANKS")).isFalse();
        assertThat(call("check_from_in_list", message("From: a@paypal.com", "", "x"), "NO_SUCH_LIST")).isFalse();
        assertThat(call("check_from_in_list", message("From: a@paypal.com", "", "x"))).isFalse();
    }

    @Test
    void replyToInListShouldReadTheReplyToAddress() {
        assertThat(call("check_replyto_in_list", message("From: a@example.com", "Reply-To: x@paypal.com", "", "x"),
            "PAYPAL")).isTrue();
        assertThat(call("check_replyto_in_list", message("From: x@paypal.com", "", "x"), "PAYPAL")).isFalse();
    }

    /** Wildcards at the start, in the middle and at the end, {@code ?} as one character, a glob without one. */
    @Test
    void globsShouldMatchWholeAddressesWhereverTheirWildcardsAre() {
        AddressLists lists = AddressLists.of(List.of("(L) info@* *@*.icu a?c@ex*le.com exact@example.org"));

        assertThat(lists.contains("L", "Info@Anywhere.example")).isTrue();
        assertThat(lists.contains("L", "x.info@anywhere.example")).isFalse();
        assertThat(lists.contains("L", "x@shop.icu")).isTrue();
        assertThat(lists.contains("L", "x@shop.icu.example")).isFalse();
        assertThat(lists.contains("L", "x@icu")).isFalse();
        assertThat(lists.contains("L", "abc@example.com")).isTrue();
        assertThat(lists.contains("L", "ac@example.com")).isFalse();
        assertThat(lists.contains("L", "abc@exle.com")).isTrue();
        assertThat(lists.contains("L", "exact@example.org")).isTrue();
        assertThat(lists.contains("L", "exact@example.org.x")).isFalse();
    }

    @Test
    void malformedDirectivesShouldBeIgnored() {
        AddressLists lists = AddressLists.of(List.of("PAYPAL *@paypal.com", "()", "(OK) [a-z]+@example.com"));

        assertThat(lists.contains("PAYPAL", "a@paypal.com")).isFalse();
        assertThat(lists.contains("OK", "abc@example.com")).isFalse();
        assertThat(lists.contains("OK", "[a-z]+@example.com")).isTrue();
    }
}
