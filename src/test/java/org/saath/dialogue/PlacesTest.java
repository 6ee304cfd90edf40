package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.saath.helpline.SaidCountry;
import org.saath.nlu.TextNormaliser;

/** The country a person's own words place them in, from every language's {@code places.yaml}. */
class PlacesTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final Places PLACES = Places.loadFromClasspath(NORMALISER);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i live in dubai|AE|HERE",
        "انا واقف على جسر عبدون وبدي انط|JO|HERE",
        "on the roof of my apartment in sydney. thinking about jumping|AU|HERE",
        "nairobi here. i feel like killing myself, nobody cares|KE|HERE",
        "Im in Lagos, I've been thinking of ending my life|NG|HERE",
        "انا عايشة في نابلس وبدي اموت|PS|HERE",
        "انا في تعز وما اشتي اعيش|YE|HERE",
        "I'm in Dubai right now and i want to die|AE|HERE",
        "im currently living in riyadh, everything is falling apart|SA|HERE",
        "we live in Sharjah, my husband works long hours|AE|HERE",
        "i moved to the uk for my masters and i have nobody|GB|HERE",
        "i am a student in london|GB|HERE",
        "here in pakistan nobody cares about this|PK|HERE",
        "i live in pakistan but work in dubai|PK|HERE",
        "I'm from Pakistan, living in Dubai|AE|HERE",
        "my sister lives in Dubai and I'm in Lahore|PK|HERE",
        "is there a helpline in egypt|EG|ASKED",
        "any uae helpline?|AE|ASKED",
        "therapist in doha please|QA|ASKED",
        "i'm from egypt|EG|FROM",
        "im egyptian btw|EG|FROM",
        "main dubai mein hun|AE|HERE",
        "mai saudia me rehti hun aur bohat akeli hun|SA|HERE",
        "hum qatar mein rehte hain|QA|HERE",
        "main abhi london mein hoon|GB|HERE",
        "saudia ka helpline number kya hai|SA|ASKED",
        "main karachi se hun|PK|FROM",
        "میں دبئی میں رہتا ہوں|AE|HERE",
        "میں آج کل سعودی عرب میں ہوں|SA|HERE",
        "قطر میں کوئی ہیلپ لائن ہے؟|QA|ASKED",
        "انا ساكنة في الأردن|JO|HERE",
        "أنا عايش بالرياض من سنتين|SA|HERE",
        "انا في مصر|EG|HERE",
        "أعيش في دبي وحدي|AE|HERE",
        "انتقلت الى الكويت السنة الماضية|KW|HERE",
        "رقم خط المساعدة في الأردن؟|JO|ASKED",
        "هل يوجد خط ساخن في السعودية|SA|ASKED",
        "انا مصرية|EG|FROM",
        "أنا من المغرب|MA|FROM",
        "i live with my husband in dubai|AE|HERE",
        "currently based in leeds, doing my phd and drowning|GB|HERE",
        "syrian guy in amman, no papers|JO|HERE",
        "hi. 22, in karachi. i cant sleep|PK|HERE",
        "riyadh me gharon ki safai karti hun|SA|HERE",
        "kuwait mein 3 saal ho gaye ghar nahi gaya|KW|HERE",
        "ریاض میں نوکری کرتا ہوں|SA|HERE",
        "ساكنة بدبي مع اهلي|AE|HERE",
        "وانا ساكن بالرياض من زمان|SA|HERE",
        "أنا طالبة ف لندن|GB|HERE",
        "بشتغل في مطعم في اسطنبول|TR|HERE",
        "رقم خط مساعدة نفسية بلبنان|LB|ASKED",
        "moroccan girl here, lost|MA|FROM",
        "mera taluq multan se hai|PK|FROM",
        // the s52 QA passes: US states, Arabizi places, someone at a height in a city
        "I want to kill myself. I am in Ohio|US|HERE", "i live in florida|US|HERE",
        "khalas ana mish 2adra akamel, ana f dubai w akhadt 7boob kteer|AE|HERE",
        "ana 3ayesh f Houston, w ba2ali fatra|US|HERE", "ana b basra|IQ|HERE", "ana f masr|EG|HERE",
        "kleit barcha pilules, nheb nmout, ena f sfax|TN|HERE", "rajli kayderbni, ana f casa|MA|HERE",
        "انا واقفة على سطح العمارة في القاهرة ومش قادرة خلاص|EG|HERE",
        // «سورية» is also a Syrian woman: where she lives is where she is (the s55 QA pass: Syria's numbers in Lebanon)
        "أنا لاجئة سورية بلبنان، جوزي بيضربني|LB|HERE", "أنا لاجئة سورية بالأردن|JO|HERE", "انا سورية|SY|FROM"
    })
    void a_person_s_own_place_is_read_in_every_language(String message, String country, SaidCountry.How how) {
        assertThat(PLACES.find(message)).as(message).contains(new SaidCountry(country, how));
    }

    /** Someone else's place, a past one, a denied one, or a name that is something else here. */
    @ParameterizedTest
    @ValueSource(strings = {
        "my brother lives in dubai",
        "my husband works in Saudi and sends money",
        "i used to live in dubai",
        "i don't live in dubai anymore",
        "im not in dubai",
        "i'm in love with someone",
        "i live in fear of him",
        "i want to live in canada one day",
        "meri behan dubai mein hai",
        "woh saudia mein kaam karta hai",
        "woh dubai mein hai",
        "میری بہن دبئی میں ہے",
        "أخوي ساكن في دبي",
        "انا ساكنة في عمان",        // Amman or Oman: the letters alone do not tell
        "انا جدة لخمسة أحفاد",       // "I'm a grandmother of five", not Jeddah
        "i feel so alone",
        "i work hard but my brother in dubai does nothing",
        "meri behan dubai mein hai aur main bohat pareshan hun",
        "ریاض کا نمبر دو",                 // Riaz's number
        "انا خايفة على اختي في دبي",
        "she is 28, married, and her husband in doha beats her",
        // Arabizi that names no place: "I'm fine", "in the house"
        "ana b khir", "ana f l bit", "khouya f almania"
    })
    void someone_else_s_place_a_past_one_or_another_word_is_not_read_as_the_person_s(String message) {
        assertThat(PLACES.find(message).filter(SaidCountry::isHere)).as(message).isEmpty();
        assertThat(PLACES.find(message).filter(s -> s.how() == SaidCountry.How.FROM)).as(message).isEmpty();
    }

    /** A door is not Yemen's Ibb (إب): «باب» was read "in Ibb" (the s56 QA pass), and a son's danger had Yemen's lines. */
    @ParameterizedTest
    @ValueSource(strings = {"ابني وقفل باب غرفته وبحكي إنه بدو يموت", "اختي سكرت الباب على حالها"})
    void a_door_names_no_place(String message) {
        assertThat(PLACES.find(message)).as(message).isEmpty();
    }

    /**
     * Where someone else is now (heard for a message about their danger only, SaidCountry.forMessage), and where the
     * person says they are not (a channel's country then gives way to the honest answer).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my brother lives in dubai and he says he wants to kill himself|AE|THERE",
        "my husband works in Saudi and sends money|SA|THERE",
        "my best friend who's living in doha stopped eating|QA|THERE",
        "my sister in riyadh took a whole strip of pills|SA|THERE",
        "she lives in jeddah and she cut herself again|SA|THERE",
        "my cousin moved to abu dhabi last year|AE|THERE",
        "i work hard but my brother in dubai does nothing|AE|THERE",
        "meri behan dubai mein hai aur main bohat pareshan hun|AE|THERE",
        "bhai jo saudia mein hai wo keh raha hai khudkushi kar lega|SA|THERE",
        "میری بہن دبئی میں رہتی ہے اور اس نے گولیاں کھا لی ہیں|AE|THERE",
        "أخوي ساكن في دبي|AE|THERE",
        "اختي بالرياض شربت كلور|SA|THERE",
        "صاحبي يشتغل في قطر وما يرد علي|QA|THERE",
        "I'm not in pakistan anymore, moved abroad last year|PK|NOT_HERE",
        "i don't live in dubai anymore|AE|NOT_HERE",
        "i left pakistan in 2019|PK|NOT_HERE",
        "main ab pakistan mein nahi hun, bahar aa gaya hun|PK|NOT_HERE",
        "میں اب پاکستان میں نہیں ہوں|PK|NOT_HERE",
        "انا مو في السعودية الحين، سافرت|SA|NOT_HERE",
        "سافرت من مصر السنة اللي فاتت|EG|NOT_HERE",
        "لم أعد في السعودية. أفكر في الانتحار|SA|NOT_HERE",
        "my mum back home in Pakistan keeps saying she wants to die|PK|THERE",
        "i miss my family back home in pakistan|PK|THERE",
        "im back home in lahore now|PK|HERE",
        // where someone's act was done (s51)
        "my brother overdosed in Jeddah, what do i do|SA|THERE",
        "my friend took too many pills in riyadh|SA|THERE",
        "she swallowed bleach in dubai and wont answer|AE|THERE",
        "mera bhai ne jeddah mein overdose kar liya hai|SA|THERE",
        "میرے بھائی نے جدہ میں زہر کھا لیا ہے|SA|THERE",
        "اخوي اخذ حبوب كثيرة في جدة|SA|THERE",
        // the s52 QA passes: Arabizi kin and "he", "in" joined to the place, a son at university
        "khouya f almania sift liya message|DE|THERE", "howa f hamburg|DE|THERE",
        "اختي شربت دوا الفار باربيل|IQ|THERE",
        "My son is at university in London. He has not answered for 3 days|GB|THERE"
    })
    void someone_else_s_place_and_where_the_person_is_not_are_read(String message, String country,
                                                                   SaidCountry.How how) {
        assertThat(PLACES.find(message)).as(message).contains(new SaidCountry(country, how));
    }

    @Test
    void a_message_of_the_person_s_place_and_filler_words_says_only_that() {
        assertThat(read("hi i live in doha").alone()).isTrue();
        assertThat(read("السلام عليكم انا ساكن في الرياض").alone()).isTrue();
        assertThat(read("main saudia mein rehti hoon").alone()).isTrue();
        assertThat(read("i'm in jeddah right now").alone()).isTrue();
        assertThat(read("i live in doha and i feel so empty inside").alone()).isFalse();
        assertThat(read("hi, i moved to riyadh last year for work").alone()).isFalse();
        assertThat(read("is there a helpline in egypt?").alone()).isFalse();      // a request, not a place told
        assertThat(read("i'm from egypt").alone()).isFalse();                     // where from is not where
        assertThat(read("my brother lives in dubai").alone()).isFalse();
    }

    /** Lines asked for one country by someone who says they are in another: the place is theirs, the ask for now. */
    @Test
    void lines_asked_for_another_country_than_the_person_s_own_are_read_apart() {
        Places.Reading both = read("what's the suicide helpline number in Pakistan? my friend in Peshawar needs it, "
                + "I'm in Houston");
        assertThat(both.said()).contains(new SaidCountry("US", SaidCountry.How.HERE));
        assertThat(both.askedElsewhere()).contains(new SaidCountry("PK", SaidCountry.How.ASKED_FOR_SOMEONE));
        assertThat(read("helpline number in pakistan please, i'm in karachi").askedElsewhere()).isEmpty();
        assertThat(read("what's the helpline number in pakistan?").askedElsewhere()).isEmpty();
    }

    @Test
    void the_person_s_own_place_and_someone_else_s_are_read_apart() {
        Places.Reading both = read("im in dubai, my friend in karachi just told me she cut herself");
        assertThat(both.said()).contains(new SaidCountry("AE", SaidCountry.How.HERE));
        assertThat(both.there()).contains(new SaidCountry("PK", SaidCountry.How.THERE));
        assertThat(read("my sister keeps saying she wants to die. she's in Dubai").there())
                .contains(new SaidCountry("AE", SaidCountry.How.THERE));
        assertThat(read("اخوي يقول ما يبي يعيش. هو الحين في كراتشي").there())
                .contains(new SaidCountry("PK", SaidCountry.How.THERE));
    }

    private static Places.Reading read(String message) {
        return PLACES.read(NORMALISER.normalise(message));
    }

    @Test
    void the_person_s_own_place_beats_where_they_are_not_and_someone_else_s_is_not_theirs() {
        assertThat(PLACES.find("I'm not in pakistan anymore, i live in dubai now"))
                .contains(new SaidCountry("AE", SaidCountry.How.HERE));
        assertThat(PLACES.find("my brother is not in pakistan")).isEmpty();
    }

    @Test
    void the_person_s_own_place_beats_where_someone_else_is() {
        assertThat(PLACES.find("my brother lives in dubai, i live in lahore")).contains(new SaidCountry("PK",
                SaidCountry.How.HERE));
        assertThat(PLACES.find("i'm from egypt and my sister is in dubai")).contains(new SaidCountry("EG",
                SaidCountry.How.FROM));
        assertThat(PLACES.find("my sister in law is so mean to me")).isEmpty();
    }

    @Test
    void where_the_person_is_beats_where_they_are_from_and_the_last_place_said_wins() {
        assertThat(PLACES.find("i'm from egypt but i live in jordan now")).contains(new SaidCountry("JO",
                SaidCountry.How.HERE));
        assertThat(PLACES.find("i was in dubai last year, now i live in doha")).contains(new SaidCountry("QA",
                SaidCountry.How.HERE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "is there a helpline in dubai for my sister? she is not okay|AE",
        "need a therapist in doha for my little brother|QA",
        "dubai ka helpline number meri behan ke liye|AE",
        "قطر میں کوئی ہیلپ لائن ہے؟ میرے بھائی کے لیے|QA",
        "هل يوجد خط ساخن في السعودية لأختي|SA"
    })
    void lines_asked_for_someone_else_are_told_apart(String message, String country) {
        assertThat(PLACES.find(message)).as(message)
                .contains(new SaidCountry(country, SaidCountry.How.ASKED_FOR_SOMEONE));
    }

    @Test
    void a_wrong_places_file_stops_the_load_with_its_name() {
        assertThatThrownBy(() -> load("here: [\"i live in dubai\"]\nplaces: {AE: {place: [dubai]}}"))
                .hasMessageContaining("lang/xx/places.yaml").hasMessageContaining("exactly one [place]");
        assertThatThrownBy(() -> load("here: [\"{|*} live in [place]\"]\nplaces: {AE: {place: [dubai]}}"))
                .hasMessageContaining("may start with *");
        assertThatThrownBy(() -> load("here: [\"i live in [place]\"]\nplaces: {AE: {place: [dubai]}, "
                + "QA: {place: [dubai]}}")).hasMessageContaining("'dubai' names both AE and QA");
        assertThatThrownBy(() -> load("near: [\"i live in [place]\"]")).hasMessageContaining("unknown section 'near'");
        assertThatThrownBy(() -> load("here: [\"{<me>} live in [place]\"]\nplaces: {AE: {place: [dubai]}}"))
                .hasMessageContaining("names <me>, which words does not hold");
        assertThatThrownBy(() -> load("others: [\"for [place]\"]\nplaces: {AE: {place: [dubai]}}"))
                .hasMessageContaining("is an others phrase, which names no place");
        assertThatThrownBy(() -> load("places: {uae: {place: [dubai]}}"))
                .hasMessageContaining("places.uae is not a two-letter country code");
        assertThat(load("here: [\"i live in [place]\"]\nplaces: {AE: {place: [dubai]}}").find("i live in dubai"))
                .contains(new SaidCountry("AE", SaidCountry.How.HERE));
    }

    /** {@code *} is one word of the same clause that is no gap-stop of its own file; {@code <name>} a named choice. */
    @Test
    void a_gap_word_stays_in_its_clause_and_stops_at_its_file_s_stop_words() {
        Places places = load("words: {me: \"i|we\"}\ngap-stops: [but]\nhere: [\"{<me>} work * in [place]\"]\n"
                + "places: {AE: {place: [dubai]}}");
        assertThat(places.find("we work hard in dubai")).contains(new SaidCountry("AE", SaidCountry.How.HERE));
        assertThat(places.find("i work but in dubai")).isEmpty();
        assertThat(places.find("i work. in dubai")).isEmpty();
        assertThat(places.find("i work in dubai")).isEmpty();        // * is one word, not none
    }

    private static Places load(String yaml) {
        Map<String, InputStream> files = new LinkedHashMap<>();
        files.put("lang/xx/places.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        return Places.load(NORMALISER, files);
    }

    @Test
    void no_place_is_read_from_an_empty_message() {
        assertThat(PLACES.find("")).isEqualTo(Optional.empty());
    }
}
