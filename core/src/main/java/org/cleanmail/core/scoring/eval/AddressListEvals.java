package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's WLBLEval list tests: whether a sender ({@code check_from_in_list}) or the
 * Reply-To address ({@code check_replyto_in_list}) is on a named {@link AddressLists list}.
 */
final class AddressListEvals {
    private final AddressLists lists;

    AddressListEvals(AddressLists lists) {
        this.lists = Objects.requireNonNull(lists, "address lists");
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_from_in_list", this::fromInList);
        functions.put("check_replyto_in_list", this::replyToInList);
        return functions;
    }

    boolean fromInList(MessageFeatures features, List<String> arguments) {
        Optional<String> list = EvalArguments.text(arguments, 0);
        return list.isPresent() && SenderAddresses.allFrom(features).stream()
            .anyMatch(address -> lists.contains(list.get(), address));
    }

    boolean replyToInList(MessageFeatures features, List<String> arguments) {
        Optional<String> list = EvalArguments.text(arguments, 0);
        Optional<String> replyTo = features.headers().address("Reply-To").filter(address -> !address.isEmpty());
        return list.isPresent() && replyTo.isPresent() && lists.contains(list.get(), replyTo.get());
    }
}
