package org.saath.rules;

import java.util.List;
import java.util.Set;

/**
 * What to do with a turn: the reply template, which helplines to offer (by topic and by id), whether to escalate
 * to a human, and the next dialogue state. {@code raisedBy} names what the safety policy changed, if anything.
 */
public record Decision(String ruleId, String template, Set<String> helplineTopics, List<String> helplineIds,
                       boolean escalate, DialogueState nextState, String raisedBy) {

    public Decision {
        helplineTopics = Set.copyOf(helplineTopics);
        helplineIds = List.copyOf(helplineIds);
    }
}
