package org.cleanmail.webadmin.rules;

import org.cleanmail.core.scoring.RuleInfo;

/** One rule as the rules routes show it. */
public class RuleDto {
    public final String name;
    public final String type;
    public final double score;
    public final String description;
    public final long hits;
    public final String source;
    public final boolean runs;
    public final String definition;

    public RuleDto(RuleInfo rule, boolean withDefinition) {
        this.name = rule.name();
        this.type = rule.type();
        this.score = rule.score();
        this.description = rule.description();
        this.hits = rule.hits();
        this.source = rule.source();
        this.runs = rule.runs();
        this.definition = withDefinition ? rule.definition() : null;
    }
}
