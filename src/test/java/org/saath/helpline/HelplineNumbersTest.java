package org.saath.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.saath.Components;

/**
 * Every full-length number the directory gives (seven digits or more) is a valid number of its line's country in
 * libphonenumber's numbering plans: a digit dropped or added in copying a number from a source is caught here. Short
 * codes (15, 1122, 16000…) are not checked: libphonenumber's short-number data misses several of them.
 */
class HelplineNumbersTest {

    private static final Set<String> DIALLED = Set.of("phone", "sms", "whatsapp");
    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    @Test
    void every_full_length_number_is_valid_in_its_country() {
        List<String> checked = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Helpline line : Components.helplines().all()) {
            for (Contact contact : line.contacts()) {
                String number = dialled(contact);
                if (!DIALLED.contains(contact.type()) || number.replaceAll("\\D", "").length() < 7) {
                    continue;
                }
                checked.add(line.id() + " " + number);
                if (!valid(number, line.country())) {
                    invalid.add(line.id() + " " + number);
                }
            }
        }
        assertThat(invalid).as("numbers no numbering plan of their country knows").isEmpty();
        assertThat(checked).as("the Pakistani, Emirati, Egyptian and British full-length numbers at least")
                .hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void the_check_tells_the_two_forms_of_egypts_mental_health_line_apart() {
        // the research gives this line both ways; only the eleven-digit form is a number in Egypt's plan
        assertThat(valid("0800-888-0700", "EG")).isTrue();
        assertThat(valid("080-8880-700", "EG")).isFalse();
        assertThat(Components.helplines().all()).filteredOn(line -> line.id().equals("eg-gsmhat"))
                .singleElement().satisfies(line -> assertThat(line.contacts()).extracting(Contact::value)
                        .contains("0800-888-0700"));
    }

    /** The number as dialled: "800-4673 (800-HOPE)" is 800-4673. */
    private static String dialled(Contact contact) {
        return contact.value().replaceAll("\\(.*\\)", "").trim();
    }

    private static boolean valid(String number, String country) {
        try {
            return NUMBERS.isValidNumber(NUMBERS.parse(number, country));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
