package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RiskThresholdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_card_written_before_the_second_opinion_bars_were_chosen_is_read_with_the_bars_it_was_used_with()
            throws Exception {
        RiskThresholds old = JSON.readValue("{\"low\":0.7,\"moderate\":0.575,\"high\":0.125,\"imminent\":0.375}",
                RiskThresholds.class);

        assertThat(old).isEqualTo(new RiskThresholds(0.7, 0.575, 0.125, 0.375, 0.6, 0.2));
    }

    @Test
    void the_chosen_bars_are_written_and_read_back() throws Exception {
        RiskThresholds chosen = new RiskThresholds(0.7, 0.575, 0.125, 0.375, 0.8, 0.05);

        String json = JSON.writeValueAsString(chosen);

        assertThat(json).contains("\"sureAlone\":0.8", "\"intentSeconds\":0.05");
        assertThat(JSON.readValue(json, RiskThresholds.class)).isEqualTo(chosen);
    }

    @Test
    void a_bar_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> new RiskThresholds(0.7, 0.5, 0.2, 0.3, 0, 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"low\":0.7,\"moderate\":0.5,\"high\":0.2,\"imminent\":0.3,"
                + "\"intentSeconds\":1.5}", RiskThresholds.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
