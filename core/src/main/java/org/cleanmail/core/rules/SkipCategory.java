package org.cleanmail.core.rules;

/** Why a rule defined in a rule file is not usable as loaded. */
public enum SkipCategory {
    /** Its pattern has no Java equivalent, or is malformed. */
    UNTRANSLATABLE_REGEX("untranslatable regex"),
    /** The definition does not follow the directive's syntax. */
    INVALID_DEFINITION("invalid definition"),
    /** Its meta expression cannot be parsed. */
    INVALID_META("invalid meta expression"),
    /** It takes part in a cycle of metas. */
    META_CYCLE("meta cycle"),
    /** An {@code eval:} rule whose function has no Java implementation (the rule is kept in the model). */
    EVAL_NOT_IMPLEMENTED("eval not implemented"),
    /** It needs the network ({@code tflags net}) and network rules are off. */
    NET_RULE("tflags net"),
    /** Defined inside an {@code ifplugin} block of a plugin we do not have. */
    PLUGIN_NOT_AVAILABLE("plugin not available"),
    /** Defined inside an {@code if} block whose condition is false. */
    CONDITION_FALSE("condition false");

    private final String label;

    SkipCategory(String label) {
        this.label = label;
    }

    /** The short text used in reports, e.g. "eval not implemented". */
    public String label() {
        return label;
    }
}
