package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.saath.helpline.SaidCountry.How;

class SaidCountryTest {

    private static final Optional<SaidCountry> NOTHING = Optional.empty();

    @Test
    void where_the_person_is_replaces_anything_said_before_and_where_they_are_from_only_an_earlier_from() {
        Optional<SaidCountry> dubai = Optional.of(new SaidCountry("AE", How.HERE));
        Optional<SaidCountry> fromEgypt = Optional.of(new SaidCountry("EG", How.FROM));
        Optional<SaidCountry> fromLahore = Optional.of(new SaidCountry("PK", How.FROM));

        assertThat(SaidCountry.after(NOTHING, dubai)).isEqualTo(dubai);
        assertThat(SaidCountry.after(dubai, NOTHING)).isEqualTo(dubai);
        assertThat(SaidCountry.after(dubai, fromLahore)).isEqualTo(dubai);
        assertThat(SaidCountry.after(fromEgypt, fromLahore)).isEqualTo(fromLahore);
        assertThat(SaidCountry.after(fromEgypt, dubai)).isEqualTo(dubai);
        assertThat(SaidCountry.after(dubai, Optional.of(new SaidCountry("JO", How.HERE))))
                .contains(new SaidCountry("JO", How.HERE));
    }

    @Test
    void lines_asked_for_a_place_are_remembered_as_where_the_person_is() {
        assertThat(SaidCountry.after(Optional.of(new SaidCountry("PK", How.FROM)),
                Optional.of(new SaidCountry("EG", How.ASKED)))).contains(new SaidCountry("EG", How.HERE));
        assertThat(new SaidCountry("EG", How.ASKED).code()).isEqualTo("here:EG");
    }

    @Test
    void where_someone_else_is_counts_for_a_message_about_their_danger_and_is_never_kept() {
        Optional<SaidCountry> dubai = Optional.of(new SaidCountry("AE", How.HERE));
        Optional<SaidCountry> brotherInDoha = Optional.of(new SaidCountry("QA", How.THERE));

        assertThat(SaidCountry.forMessage(dubai, brotherInDoha, true)).isEqualTo(brotherInDoha);
        assertThat(SaidCountry.forMessage(dubai, brotherInDoha, false)).isEqualTo(dubai);
        assertThat(SaidCountry.forMessage(NOTHING, brotherInDoha, false)).isEmpty();
        assertThat(SaidCountry.after(dubai, brotherInDoha)).isEqualTo(dubai);
        assertThat(SaidCountry.after(NOTHING, brotherInDoha)).isEmpty();
        assertThat(brotherInDoha.get().isHere()).isFalse();
        assertThatThrownBy(() -> brotherInDoha.get().code()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void where_the_person_is_not_is_kept_until_they_say_where_they_are() {
        Optional<SaidCountry> lahore = Optional.of(new SaidCountry("PK", How.HERE));
        Optional<SaidCountry> notPakistan = Optional.of(new SaidCountry("PK", How.NOT_HERE));
        Optional<SaidCountry> dubai = Optional.of(new SaidCountry("AE", How.HERE));

        assertThat(SaidCountry.after(lahore, notPakistan)).isEqualTo(notPakistan);
        assertThat(SaidCountry.after(dubai, notPakistan)).isEqualTo(dubai);     // in Dubai, and not in Pakistan
        assertThat(SaidCountry.after(notPakistan, dubai)).isEqualTo(dubai);
        assertThat(SaidCountry.after(notPakistan, Optional.of(new SaidCountry("EG", How.FROM))))
                .isEqualTo(notPakistan);
        assertThat(notPakistan.get().isHere()).isFalse();
        assertThat(SaidCountry.fromCode(notPakistan.get().code())).isEqualTo(notPakistan);
        assertThat(notPakistan.get().code()).isEqualTo("not:PK");
    }

    @Test
    void the_stored_code_reads_back_and_anything_else_reads_as_nothing_said() {
        SaidCountry dubai = new SaidCountry("AE", How.HERE);
        assertThat(SaidCountry.fromCode(dubai.code())).contains(dubai);
        assertThat(SaidCountry.fromCode("from:EG")).contains(new SaidCountry("EG", How.FROM));
        assertThat(SaidCountry.fromCode(null)).isEmpty();
        assertThat(SaidCountry.fromCode("AE")).isEmpty();
        assertThat(SaidCountry.fromCode("near:AE")).isEmpty();
        assertThatThrownBy(() -> new SaidCountry("uae", How.HERE)).isInstanceOf(IllegalArgumentException.class);
    }
}
