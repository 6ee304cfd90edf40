package org.saath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.saath.dialogue.Templates;

/** The crisis templates are one list: each name is a template every language has, and the roles nest. */
class CrisisTemplatesTest {

    @Test
    void every_crisis_template_exists_and_what_may_stand_at_imminent_risk_may_stand_at_high() {
        var ids = Templates.loadFromClasspath().ids();

        assertThat(ids).containsAll(CrisisTemplates.FIT_AT_HIGH);
        assertThat(CrisisTemplates.FIT_AT_HIGH).containsAll(CrisisTemplates.SHAPED)
                .containsAll(CrisisTemplates.FIT_AT_IMMINENT);
        // a screening question is never fit for someone in danger now
        assertThat(CrisisTemplates.FIT_AT_IMMINENT).doesNotContain("crisis_check", "crisis", "suicide_loss");
    }
}
